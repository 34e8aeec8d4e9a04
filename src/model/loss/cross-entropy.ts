import * as tf from '@tensorflow/tfjs'
import { oneHotFloat } from '../network/one-hot'

/**
 * Label-smoothed cross-entropy summed over each utterance's valid target steps.
 * Target distribution: (1 - ε) on the reference token plus ε spread uniformly over the V classes.
 * @param logits [B, U, V]; targets [B, U] int32; mask [B, U] (1 on real targets incl. eos, 0 on padding)
 * @returns per-utterance loss [B]
 */
export function smoothedCrossEntropy(logits: tf.Tensor3D, targets: tf.Tensor2D, mask: tf.Tensor2D, smoothing: number): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[2]
    const logp = tf.logSoftmax(logits)
    const picked = tf.sum(tf.mul(logp, oneHotFloat(targets, vocab)), 2)
    const uniform = tf.mean(logp, 2)
    const perToken = tf.neg(tf.add(tf.mul(picked, 1 - smoothing), tf.mul(uniform, smoothing)))
    return tf.sum(tf.mul(perToken, mask), 1) as tf.Tensor1D
  })
}
