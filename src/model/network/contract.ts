import * as tf from '@tensorflow/tfjs'

/**
 * Batched matrix-vector contractions of attention without BatchMatMul (whose batched path is a naive loop on
 * wasm, and whose gradients need transposed copies of the matrix every decoder step). The matrix is given in
 * both layouts, S [B, N, K] and Sᵀ [B, K, N] (made once per utterance), so the forward pass and both
 * gradients reduce over the last axis; the gradient w.r.t. S is returned in S's own layout.
 *
 * over = 'K': out[b, n] = Σ_k S[b, n, k] v[b, k]  (scores of dot / general attention: v = query)
 * over = 'N': out[b, k] = Σ_n S[b, n, k] v[b, n]  (context: v = alignment)
 * @param s [B, N, K]; sT its transpose [B, K, N] (no gradient flows through sT); v [B, K] or [B, N]. Inference may
 *   pass one shared matrix (B = 1) for a batch of vectors, which broadcasts; the gradients assume equal batches.
 */
export function contract(s: tf.Tensor3D, sT: tf.Tensor3D, v: tf.Tensor2D, over: 'K' | 'N'): tf.Tensor2D {
  const [along, other] = over === 'K' ? [s, sT] : [sT, s]
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [, vec, save] = args as [tf.Tensor3D, tf.Tensor2D, tf.GradSaveFunc]
    save([vec, other]) // closure tensors may be disposed by the time the backward pass runs
    return {
      value: tf.sum(tf.mul(along, tf.expandDims(vec, 1)), 2),
      gradFunc: (dy: tf.Tensor, [vec, other]: tf.Tensor[]) => {
        const dVec = tf.sum(tf.mul(other!, tf.expandDims(dy, 1)), 2)
        const dS = over === 'K' ? tf.mul(tf.expandDims(dy, 2), tf.expandDims(vec!, 1)) : tf.mul(tf.expandDims(vec!, 2), tf.expandDims(dy, 1))
        return [dS, dVec]
      }
    }
  })
  return op(s, v) as tf.Tensor2D
}
