import * as tf from '@tensorflow/tfjs'
import { ctcForwardBackward } from './ctc-forward-backward'

/**
 * CTC negative log-likelihood per utterance with an exact gradient (tf.customGrad over a float64
 * forward-backward pass in JS: one read of the logits instead of thousands of small ops per batch).
 * Utterances whose labels cannot fit in their frames get loss 0 and zero gradient (reported in `infeasible`).
 * @param logits unnormalised CTC logits [B, T, V]
 * @param lengths valid frames per utterance; labels token ids per utterance (no blanks)
 * @returns per-utterance loss [B] and the indices of infeasible utterances
 */
export function ctcLoss(logits: tf.Tensor3D, lengths: readonly number[], labels: readonly (readonly number[])[], blank: number): { loss: tf.Tensor1D; infeasible: number[] } {
  const [batch, steps, vocab] = logits.shape
  const infeasible: number[] = []
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, save] = args as [tf.Tensor, tf.GradSaveFunc]
    const data = x.dataSync()
    const losses = new Float32Array(batch)
    const grad = new Float32Array(batch * steps * vocab)
    for (let b = 0; b < batch; b++) {
      const frames = Math.min(lengths[b]!, steps)
      const r = ctcForwardBackward(data, b * steps * vocab, frames, vocab, labels[b]!, blank)
      if (!Number.isFinite(r.loss)) {
        infeasible.push(b)
        continue
      }
      losses[b] = r.loss
      grad.set(r.grad, b * steps * vocab)
    }
    save([tf.tensor3d(grad, [batch, steps, vocab])])
    return {
      value: tf.tensor1d(losses),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.mul(saved[0]!, tf.reshape(dy, [batch, 1, 1]))]
    }
  })
  return { loss: op(logits) as tf.Tensor1D, infeasible }
}
