import * as tf from '@tensorflow/tfjs'
import { lstmCellFused, lstmCellFusedGrad, peepholeGrads } from '../kernels/lstm-cell-kernels'

/** [T, B, H] -> the state each step received: x[t-1] (forward) or x[t+1] (reverse), zeros at the start. */
function previousSteps(x: tf.Tensor3D, reverse: boolean): tf.Tensor3D {
  const [steps, batch, units] = x.shape
  const zero = tf.zeros([1, batch, units])
  const parts = reverse ? [tf.slice(x, [1, 0, 0], [steps - 1, batch, units]), zero] : [zero, tf.slice(x, [0, 0, 0], [steps - 1, batch, units])]
  return tf.concat(parts, 0) as tf.Tensor3D
}

/**
 * Whole-sequence peephole LSTM with hand-written backpropagation through time (tf.customGrad), on the fused
 * cell kernels. Same maths and masking as runRecurrence over lstmCell, but the backward pass transposes W_h
 * once, runs one fused kernel + one matmul per step, and forms dW_h and the peephole gradients with one
 * product over all steps instead of T small ones — and nothing is cloned onto the autodiff tape per step.
 * @param xProj x·W_x + b for every step [T, B, 4H]; wh [H, 4H]; peep [3, H] (zeros when disabled)
 * @param mask [T, B, 1]; reverse runs t = T-1 .. 0
 * @returns h for every step [T, B, H]
 */
export function lstmSequence(xProj: tf.Tensor3D, wh: tf.Tensor2D, peep: tf.Tensor2D, mask: tf.Tensor3D, reverse: boolean): tf.Tensor3D {
  const [steps, batch] = xProj.shape
  const units = wh.shape[0]
  const order = Array.from({ length: steps }, (_, k) => (reverse ? steps - 1 - k : k))
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, w, p, m, save] = args as [tf.Tensor3D, tf.Tensor2D, tf.Tensor2D, tf.Tensor3D, tf.GradSaveFunc]
    const xs = tf.unstack(x) as tf.Tensor2D[]
    const ms = tf.unstack(m) as tf.Tensor2D[]
    const outs = { h: new Array<tf.Tensor2D>(steps), c: new Array<tf.Tensor2D>(steps), act: new Array<tf.Tensor2D>(steps), cRaw: new Array<tf.Tensor2D>(steps), tanhC: new Array<tf.Tensor2D>(steps) }
    let h: tf.Tensor2D = tf.zeros([batch, units])
    let c: tf.Tensor2D = tf.zeros([batch, units])
    for (const t of order) {
      const step = lstmCellFused(tf.add(xs[t]!, tf.matMul(h, w)), c, p, ms[t]!)
      ;({ h, c } = step)
      outs.h[t] = step.h
      outs.c[t] = step.c
      outs.act[t] = step.act
      outs.cRaw[t] = step.cRaw
      outs.tanhC[t] = step.tanhC
    }
    const [hAll, cAll, actAll, cRawAll, tanhAll] = [outs.h, outs.c, outs.act, outs.cRaw, outs.tanhC].map((list) => tf.stack(list) as tf.Tensor3D)
    save([hAll!, cAll!, actAll!, cRawAll!, tanhAll!, w, p, m])
    return { value: hAll!, gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => backward(dy as tf.Tensor3D, saved as tf.Tensor3D[]) }
  })

  function backward(dy: tf.Tensor3D, saved: tf.Tensor3D[]): tf.Tensor[] {
    const [hAll, cAll, actAll, cRawAll, tanhAll, w, p, m] = saved as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, tf.Tensor2D, tf.Tensor2D, tf.Tensor3D]
    const [dys, cs, acts, tanhs, ms] = [dy, cAll, actAll, tanhAll, m].map((t) => tf.unstack(t) as tf.Tensor2D[])
    const whT = tf.transpose(w)
    const zero: tf.Tensor2D = tf.zeros([batch, units])
    const dzs = new Array<tf.Tensor2D>(steps)
    let dh: tf.Tensor2D = zero
    let dc: tf.Tensor2D = zero
    for (let k = steps - 1; k >= 0; k--) {
      const t = order[k]!
      const cPrev = k > 0 ? cs![order[k - 1]!]! : zero
      const g = lstmCellFusedGrad(tf.add(dys![t]!, dh), dc, acts![t]!, tanhs![t]!, cPrev, p, ms![t]!)
      dzs[t] = g.dz
      dh = tf.matMul(g.dz, whT) as tf.Tensor2D
      dc = g.dcPrev
    }
    const dz = tf.reshape(tf.stack(dzs), [steps * batch, 4 * units]) as tf.Tensor2D
    const flat = (t: tf.Tensor3D): tf.Tensor2D => tf.reshape(t, [steps * batch, units])
    const dWh = tf.matMul(flat(previousSteps(hAll, reverse)), dz, true, false)
    const dPeep = peepholeGrads(dz, flat(previousSteps(cAll, reverse)), flat(cRawAll))
    return [tf.reshape(dz, [steps, batch, 4 * units]), dWh, dPeep, tf.zerosLike(m)]
  }

  return op(xProj, wh, peep, mask) as tf.Tensor3D
}
