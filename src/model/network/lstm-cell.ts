import * as tf from '@tensorflow/tfjs'
import { fusedLstmAvailable, lstmCellFused } from '../kernels/lstm-cell-kernels'
import type { RecurrentCell } from './cell'
import { lstmSequence } from './lstm-sequence'
import type { ParamBuilder } from './params'

/** LSTM weights; gate order along the 4H axis is i, f, c~ (candidate), o. */
export interface LstmWeights {
  wx: tf.Variable // [D, 4H]
  wh: tf.Variable // [H, 4H]
  b: tf.Variable // [4H]
  /** Diagonal peepholes [3, H]: rows w_ci, w_cf, w_co; null when disabled. */
  peep: tf.Variable | null
}

/** Seeded weights: U(±1/sqrt(H)), forget-gate bias 1. */
export function createLstmWeights(pb: ParamBuilder, name: string, inputDim: number, units: number, peepholes: boolean): LstmWeights {
  const s = 1 / Math.sqrt(units)
  const bias = new Float32Array(4 * units)
  bias.fill(1, units, 2 * units)
  return {
    wx: pb.uniform(`${name}/wx`, [inputDim, 4 * units], s),
    wh: pb.uniform(`${name}/wh`, [units, 4 * units], s),
    b: pb.values(`${name}/b`, [4 * units], bias),
    peep: peepholes ? pb.uniform(`${name}/peep`, [3, units], s) : null
  }
}

/**
 * The seed's LSTM, with W_c· diagonal (peepholes act elementwise on the cell):
 *   i = σ(W_xi x + W_hi h + w_ci ⊙ c_{t-1} + b_i)      f = σ(W_xf x + W_hf h + w_cf ⊙ c_{t-1} + b_f)
 *   c_t = f ⊙ c_{t-1} + i ⊙ tanh(W_xc x + W_hc h + b_c)  o = σ(W_xo x + W_ho h + w_co ⊙ c_t + b_o)
 *   h_t = o ⊙ tanh(c_t)
 * @param z pre-activations x·W_x + h·W_h + b, [B, 4H]
 * @param c previous cell [B, H]; peep rows [H] each or null
 * @returns [h_t, c_t], each [B, H]
 */
export function lstmGates(z: tf.Tensor2D, c: tf.Tensor2D, peep: tf.Tensor1D[] | null): [tf.Tensor2D, tf.Tensor2D] {
  const [zi, zf, zg, zo] = tf.split(z, 4, 1) as tf.Tensor2D[]
  const i = tf.sigmoid(peep ? tf.add(zi!, tf.mul(c, peep[0]!)) : zi!)
  const f = tf.sigmoid(peep ? tf.add(zf!, tf.mul(c, peep[1]!)) : zf!)
  const cNext = tf.add(tf.mul(f, c), tf.mul(i, tf.tanh(zg!))) as tf.Tensor2D
  const o = tf.sigmoid(peep ? tf.add(zo!, tf.mul(cNext, peep[2]!)) : zo!)
  return [tf.mul(o, tf.tanh(cNext)), cNext]
}

/**
 * The pointwise half of the cell bound to these weights: pre-activations z [B, 4H] and c_{t-1} -> [h_t, c_t].
 * Uses the fused cell kernel when it is registered for the active backend (registerProjectKernels), else the
 * composite ops of lstmGates (same maths).
 */
export function lstmPointwise(w: LstmWeights): (z: tf.Tensor2D, c: tf.Tensor2D) => [tf.Tensor2D, tf.Tensor2D] {
  const units = w.wh.shape[0]!
  if (!fusedLstmAvailable()) {
    const peep = w.peep ? (tf.unstack(w.peep) as tf.Tensor1D[]) : null
    return (z, c) => lstmGates(z, c, peep)
  }
  const peep = (w.peep ?? tf.zeros([3, units])) as tf.Tensor2D
  return (z, c) => {
    const out = lstmCellFused(z, c, peep, tf.ones([c.shape[0], 1]))
    return [out.h, out.c]
  }
}

/**
 * Binds LSTM weights into a RecurrentCell with state [h, c]; with the fused kernels registered, whole
 * sequences run through lstmSequence (hand-written BPTT).
 */
export function lstmCell(w: LstmWeights): RecurrentCell {
  const units = w.wh.shape[0]!
  const gates = lstmPointwise(w)
  const cell: RecurrentCell = {
    units,
    gateWidth: 4 * units,
    project: (x) => tf.add(tf.matMul(x, w.wx), w.b),
    initialState: (batch) => [tf.zeros([batch, units]), tf.zeros([batch, units])],
    step: (xProj, [h, c]) => gates(tf.add(xProj, tf.matMul(h!, w.wh)), c!)
  }
  if (!fusedLstmAvailable()) return cell
  const peep = (w.peep ?? tf.zeros([3, units])) as tf.Tensor2D
  return { ...cell, sequence: (xProj, mask, reverse) => lstmSequence(xProj, w.wh as tf.Tensor2D, peep, mask, reverse) }
}
