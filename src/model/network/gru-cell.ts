import * as tf from '@tensorflow/tfjs'
import type { RecurrentCell } from './cell'
import type { ParamBuilder } from './params'

/** GRU weights; the 3H input axis is ordered z, r, h~. */
export interface GruWeights {
  wx: tf.Variable // [D, 3H]
  whzr: tf.Variable // [H, 2H]: W_hz | W_hr
  whh: tf.Variable // [H, H]: W_hh~
  b: tf.Variable // [3H]
}

/** Seeded weights: U(±1/sqrt(H)), zero biases. */
export function createGruWeights(pb: ParamBuilder, name: string, inputDim: number, units: number): GruWeights {
  const s = 1 / Math.sqrt(units)
  return {
    wx: pb.uniform(`${name}/wx`, [inputDim, 3 * units], s),
    whzr: pb.uniform(`${name}/whzr`, [units, 2 * units], s),
    whh: pb.uniform(`${name}/whh`, [units, units], s),
    b: pb.filled(`${name}/b`, [3 * units], 0)
  }
}

/**
 * The seed's GRU, exactly as written (reset applied before the recurrent product):
 *   z = σ(W_xz x + W_hz h + b_z)   r = σ(W_xr x + W_hr h + b_r)
 *   h~ = tanh(W_xh x + W_hh (r ⊙ h) + b_h)   h_t = (1 - z) ⊙ h + z ⊙ h~
 * @param xProj x·W_x + b [B, 3H]; h [B, H]
 * @returns h_t [B, H]
 */
export function gruStep(w: GruWeights, xProj: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const units = h.shape[1]
  const [xzr, xh] = tf.split(xProj, [2 * units, units], 1) as tf.Tensor2D[]
  const zr = tf.sigmoid(tf.add(xzr!, tf.matMul(h, w.whzr)))
  const [z, r] = tf.split(zr, 2, 1) as tf.Tensor2D[]
  const cand = tf.tanh(tf.add(xh!, tf.matMul(tf.mul(r!, h), w.whh)))
  return tf.add(h, tf.mul(z!, tf.sub(cand, h))) as tf.Tensor2D
}

/** Binds GRU weights into a RecurrentCell with state [h]. */
export function gruCell(w: GruWeights): RecurrentCell {
  const units = w.whh.shape[0]!
  return {
    units,
    gateWidth: 3 * units,
    project: (x) => tf.add(tf.matMul(x, w.wx), w.b),
    initialState: (batch) => [tf.zeros([batch, units])],
    step: (xProj, [h]) => [gruStep(w, xProj, h!)]
  }
}
