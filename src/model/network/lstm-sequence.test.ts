import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerProjectKernels, unregisterProjectKernels } from '../kernels/register'
import { checkGradients } from '../testing/gradient-check'
import { createLstmWeights, lstmCell } from './lstm-cell'
import { ParamBuilder } from './params'
import { runRecurrence, timeMask } from './recurrence'

const [T, B, D, H] = [5, 3, 4, 6]
const lengths = [5, 2, 4]

beforeAll(async () => {
  await tf.setBackend('cpu')
  unregisterProjectKernels()
})
afterAll(() => unregisterProjectKernels())

/** Sequence outputs and all weight gradients of a weighted sum of them, on the currently registered path. */
function run(vars: Record<string, tf.Variable>, wx: tf.Variable, xs: tf.Tensor, target: tf.Tensor, reverse: boolean, stepwise: boolean) {
  const w = { wx, wh: vars.wh!, b: vars.b!, peep: vars.peep ?? null }
  const loss = (): tf.Scalar => tf.tidy(() => {
    const cell = lstmCell(w)
    const proj = tf.reshape(cell.project(tf.reshape(xs, [T * B, D]) as tf.Tensor2D), [T, B, 4 * H]) as tf.Tensor3D
    const out = stepwise ? runRecurrence({ ...cell, sequence: undefined }, proj, timeMask(lengths, T), reverse) : runRecurrence(cell, proj, timeMask(lengths, T), reverse)
    return tf.sum(tf.mul(out, target))
  })
  const { value, grads } = tf.variableGrads(loss, [...Object.values(vars), wx])
  const result = { value: value.dataSync()[0]!, grads: Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, Float32Array.from(g.dataSync())])) }
  tf.dispose([value, ...Object.values(grads)])
  return { result, loss }
}

describe('fused LSTM (project kernels) equals the composite reference', () => {
  for (const peepholes of [true, false]) {
    for (const reverse of [false, true]) {
      it(`${peepholes ? 'peepholes' : 'no peepholes'}, ${reverse ? 'reverse' : 'forward'}: same loss and gradients; finite differences agree`, () => {
        const pb = new ParamBuilder(peepholes ? 31 : 32)
        const w = createLstmWeights(pb, 'l', D, H, peepholes)
        const xs = tf.randomNormal([T, B, D], 0, 1, 'float32', 5)
        const target = tf.randomNormal([T, B, H], 0, 1, 'float32', 6)
        const vars: Record<string, tf.Variable> = { wh: w.wh, b: w.b, ...(w.peep ? { peep: w.peep } : {}) }
        const reference = run(vars, w.wx, xs, target, reverse, false).result
        registerProjectKernels()
        const fused = run(vars, w.wx, xs, target, reverse, false)
        const fusedSteps = run(vars, w.wx, xs, target, reverse, true).result
        expect(fused.result.value).toBeCloseTo(reference.value, 4)
        for (const [name, g] of Object.entries(reference.grads)) {
          const worst = (other: Float32Array): number => Math.max(...Array.from(g, (v, i) => Math.abs(v - other[i]!)))
          expect(worst(fused.result.grads[name]!)).toBeLessThan(1e-4)
          expect(worst(fusedSteps.grads[name]!)).toBeLessThan(1e-4)
        }
        expect(checkGradients(fused.loss, { ...vars, wx: w.wx }).worst).toBeLessThan(2e-2)
        unregisterProjectKernels()
        tf.dispose([xs, target, ...pb.params.values()])
      })
    }
  }

  it('leaves no tensors behind (forward + backward)', () => {
    registerProjectKernels()
    const pb = new ParamBuilder(3)
    const w = createLstmWeights(pb, 'l', D, H, true)
    const xs = tf.randomNormal([T, B, D])
    const before = tf.memory().numTensors
    for (let i = 0; i < 3; i++) {
      const { value, grads } = tf.variableGrads(() => tf.tidy(() => {
        const cell = lstmCell(w)
        const proj = tf.reshape(cell.project(tf.reshape(xs, [T * B, D]) as tf.Tensor2D), [T, B, 4 * H]) as tf.Tensor3D
        return tf.sum(runRecurrence(cell, proj, timeMask(lengths, T), true))
      }))
      tf.dispose([value, ...Object.values(grads)])
    }
    expect(tf.memory().numTensors).toBe(before)
    unregisterProjectKernels()
    tf.dispose([xs, ...pb.params.values()])
  })
})
