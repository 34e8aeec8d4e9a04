import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkGradients } from '../testing/gradient-check'
import { gruCell, createGruWeights } from './gru-cell'
import { createLstmWeights, lstmCell } from './lstm-cell'
import { ParamBuilder } from './params'
import { runRecurrence, timeMask } from './recurrence'

const B = 2
const D = 3
const H = 4
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))

/** Plain-JS matrix helpers in float64: m is row-major [rows, cols]. */
const rowTimes = (x: number[], m: Float32Array, cols: number, col0: number, n: number): number[] =>
  Array.from({ length: n }, (_, j) => x.reduce((s, xi, i) => s + xi * m[i * cols + col0 + j]!, 0))

const data = (v: tf.Tensor): Float32Array => v.dataSync() as Float32Array

beforeAll(async () => {
  await tf.setBackend('cpu')
})

describe('LSTM cell (seed equations)', () => {
  for (const peepholes of [true, false]) {
    it(`one step matches a direct transcription of the seed${peepholes ? ' with' : ' without'} peepholes`, () => {
      const pb = new ParamBuilder(3)
      const w = createLstmWeights(pb, 'l', D, H, peepholes)
      const x = [[0.5, -1, 0.25], [1.5, 0.3, -0.7]]
      const h0 = [[0.1, -0.2, 0.3, 0.05], [-0.3, 0.2, 0.1, 0]]
      const c0 = [[0.4, -0.5, 0.2, 0.9], [0.1, 0.3, -0.8, 0.2]]
      const [h1, c1] = tf.tidy(() => {
        const cell = lstmCell(w)
        return cell.step(cell.project(tf.tensor2d(x)), [tf.tensor2d(h0), tf.tensor2d(c0)]).map((t) => t.arraySync() as number[][])
      })
      const [wx, wh, b] = [data(w.wx), data(w.wh), data(w.b)]
      const p = w.peep ? data(w.peep) : new Float32Array(3 * H)
      for (let n = 0; n < B; n++) {
        // W_x? x + W_h? h + b_? for gate g (0 i, 1 f, 2 c, 3 o)
        const pre = (g: number): number[] => rowTimes(x[n]!, wx, 4 * H, g * H, H).map((v, j) => v + rowTimes(h0[n]!, wh, 4 * H, g * H, H)[j]! + b[g * H + j]!)
        const i = pre(0).map((v, j) => sigmoid(v + p[j]! * c0[n]![j]!))
        const f = pre(1).map((v, j) => sigmoid(v + p[H + j]! * c0[n]![j]!))
        const c = pre(2).map((v, j) => f[j]! * c0[n]![j]! + i[j]! * Math.tanh(v))
        const o = pre(3).map((v, j) => sigmoid(v + p[2 * H + j]! * c[j]!))
        const h = c.map((cj, j) => o[j]! * Math.tanh(cj))
        h.forEach((v, j) => expect(h1![n]![j]).toBeCloseTo(v, 5))
        c.forEach((v, j) => expect(c1![n]![j]).toBeCloseTo(v, 5))
      }
      tf.dispose([...pb.params.values()])
    })

    it(`gradients match finite differences${peepholes ? ' with' : ' without'} peepholes`, () => {
      const pb = new ParamBuilder(5)
      const w = createLstmWeights(pb, 'l', D, H, peepholes)
      const xs = tf.randomNormal([3, B, D], 0, 1, 'float32', 11)
      const target = tf.randomNormal([3, B, H], 0, 1, 'float32', 12)
      const loss = (): tf.Scalar => tf.tidy(() => {
        const cell = lstmCell(w)
        const proj = tf.reshape(cell.project(tf.reshape(xs, [3 * B, D])), [3, B, 4 * H]) as tf.Tensor3D
        const out = runRecurrence(cell, proj, timeMask([3, 2], 3), false)
        return tf.sum(tf.mul(out, target))
      })
      const vars = Object.fromEntries(pb.params)
      const { worst } = checkGradients(loss, vars)
      expect(worst).toBeLessThan(2e-2)
      tf.dispose([xs, target, ...pb.params.values()])
    })
  }
})

describe('GRU cell (seed equations)', () => {
  it('one step matches a direct transcription of the seed', () => {
    const pb = new ParamBuilder(4)
    const w = createGruWeights(pb, 'g', D, H)
    w.b.assign(tf.randomUniform([3 * H], -0.5, 0.5, 'float32', 9))
    const x = [[0.5, -1, 0.25], [1.5, 0.3, -0.7]]
    const h0 = [[0.1, -0.2, 0.3, 0.05], [-0.3, 0.2, 0.1, 0]]
    const [h1] = tf.tidy(() => {
      const cell = gruCell(w)
      return cell.step(cell.project(tf.tensor2d(x)), [tf.tensor2d(h0)]).map((t) => t.arraySync() as number[][])
    })
    const [wx, whzr, whh, b] = [data(w.wx), data(w.whzr), data(w.whh), data(w.b)]
    for (let n = 0; n < B; n++) {
      const hp = h0[n]!
      const z = rowTimes(x[n]!, wx, 3 * H, 0, H).map((v, j) => sigmoid(v + rowTimes(hp, whzr, 2 * H, 0, H)[j]! + b[j]!))
      const r = rowTimes(x[n]!, wx, 3 * H, H, H).map((v, j) => sigmoid(v + rowTimes(hp, whzr, 2 * H, H, H)[j]! + b[H + j]!))
      const rh = hp.map((v, j) => r[j]! * v)
      const cand = rowTimes(x[n]!, wx, 3 * H, 2 * H, H).map((v, j) => Math.tanh(v + rowTimes(rh, whh, H, 0, H)[j]! + b[2 * H + j]!))
      const h = hp.map((v, j) => (1 - z[j]!) * v + z[j]! * cand[j]!)
      h.forEach((v, j) => expect(h1![n]![j]).toBeCloseTo(v, 5))
    }
    tf.dispose([...pb.params.values()])
  })

  it('gradients match finite differences', () => {
    const pb = new ParamBuilder(6)
    const w = createGruWeights(pb, 'g', D, H)
    const xs = tf.randomNormal([3, B, D], 0, 1, 'float32', 13)
    const target = tf.randomNormal([3, B, H], 0, 1, 'float32', 14)
    const loss = (): tf.Scalar => tf.tidy(() => {
      const cell = gruCell(w)
      const proj = tf.reshape(cell.project(tf.reshape(xs, [3 * B, D])), [3, B, 3 * H]) as tf.Tensor3D
      return tf.sum(tf.mul(runRecurrence(cell, proj, timeMask([3, 3], 3), true), target))
    })
    const { worst } = checkGradients(loss, Object.fromEntries(pb.params))
    expect(worst).toBeLessThan(2e-2)
    tf.dispose([xs, target, ...pb.params.values()])
  })
})

describe('recurrence masking', () => {
  it('reverse direction starts at each sequence end and pads with zeros', () => {
    const pb = new ParamBuilder(8)
    const cell = gruCell(createGruWeights(pb, 'g', D, H))
    const x = tf.randomNormal([4, 1, D], 0, 1, 'float32', 2)
    const [full, padded] = tf.tidy(() => {
      const proj = (t: tf.Tensor3D): tf.Tensor3D => tf.reshape(cell.project(tf.reshape(t, [-1, D])), [t.shape[0], 1, 3 * H]) as tf.Tensor3D
      const short = tf.slice(x, [0, 0, 0], [2, 1, D]) as tf.Tensor3D
      return [runRecurrence(cell, proj(short), timeMask([2], 2), true).arraySync(), runRecurrence(cell, proj(x as tf.Tensor3D), timeMask([2], 4), true).arraySync()]
    })
    expect((padded as number[][][]).slice(0, 2).flat(2)).toEqual((full as number[][][]).flat(2).map((v) => expect.closeTo(v, 6)))
    expect((padded as number[][][]).slice(2).flat(2).every((v) => v === 0)).toBe(true)
    tf.dispose([x, ...pb.params.values()])
  })
})
