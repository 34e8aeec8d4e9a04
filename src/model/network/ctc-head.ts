import * as tf from '@tensorflow/tfjs'
import type { ParamBuilder } from './params'

/** Linear CTC projection of the encoder memory. */
export interface CtcHeadWeights {
  w: tf.Variable // [D, V]
  b: tf.Variable // [V]
}

export function createCtcHeadWeights(pb: ParamBuilder, memDim: number, vocab: number): CtcHeadWeights {
  return { w: pb.uniform('ctc/w', [memDim, vocab], 1 / Math.sqrt(memDim)), b: pb.filled('ctc/b', [vocab], 0) }
}

/** memory [B, T', D] -> CTC logits [B, T', V] (unnormalised). */
export function ctcLogits(w: CtcHeadWeights, memory: tf.Tensor3D): tf.Tensor3D {
  const [batch, steps, dim] = memory.shape
  return tf.reshape(tf.add(tf.matMul(tf.reshape(memory, [batch * steps, dim]), w.w), w.b), [batch, steps, -1])
}
