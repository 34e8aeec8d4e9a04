import * as tf from '@tensorflow/tfjs'
import type { RecurrentCell } from './cell'

/**
 * Runs a cell over a whole sequence (through the cell's own fast path when it has one). Time-major tensors are split once (one Unpack), never sliced per step.
 * Padding: state is multiplied by the step mask, so it stays zero over padded steps; that makes the reverse
 * direction start at each sequence's own last frame and leaves zeros in padded outputs.
 * @param xProjTBG projected inputs [T, B, G]
 * @param maskTB1 1 for real steps, 0 for padding [T, B, 1]
 * @param reverse run from t = T-1 down to 0
 * @returns outputs h [T, B, H] in time order
 */
export function runRecurrence(cell: RecurrentCell, xProjTBG: tf.Tensor3D, maskTB1: tf.Tensor3D, reverse: boolean): tf.Tensor3D {
  if (cell.sequence) return cell.sequence(xProjTBG, maskTB1, reverse)
  const [steps, batch] = xProjTBG.shape
  const xs = tf.unstack(xProjTBG) as tf.Tensor2D[]
  const masks = tf.unstack(maskTB1) as tf.Tensor2D[]
  const outs: tf.Tensor2D[] = new Array(steps)
  let state = cell.initialState(batch)
  for (let k = 0; k < steps; k++) {
    const t = reverse ? steps - 1 - k : k
    state = cell.step(xs[t]!, state).map((s) => tf.mul(s, masks[t]!))
    outs[t] = state[0]!
  }
  return tf.stack(outs) as tf.Tensor3D
}

/** Mask [T, B, 1] with 1 where t < lengths[b]. */
export function timeMask(lengths: readonly number[], steps: number): tf.Tensor3D {
  const data = new Float32Array(steps * lengths.length)
  lengths.forEach((len, b) => {
    for (let t = 0; t < Math.min(len, steps); t++) data[t * lengths.length + b] = 1
  })
  return tf.tensor3d(data, [steps, lengths.length, 1])
}
