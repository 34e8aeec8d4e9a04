import * as tf from '@tensorflow/tfjs'

/**
 * Float one-hot rows [..., depth]. Built as int32 then cast: tfjs-backend-wasm 4.22's OneHot ignores the
 * dtype argument and writes integer bit patterns into float32 outputs (1 reads back as 1.4e-45).
 */
export function oneHotFloat(ids: tf.Tensor, depth: number): tf.Tensor {
  return tf.cast(tf.oneHot(ids, depth), 'float32')
}
