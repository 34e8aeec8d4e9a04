import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkGradients } from '../testing/gradient-check'
import { ctcLoss } from './ctc-loss'

const BLANK = 0

/** -log p(labels) by enumerating every path of length T and collapsing it (repeats, then blanks). */
function bruteForceCtc(logits: number[][], labels: number[]): number {
  const [T, V] = [logits.length, logits[0]!.length]
  const logp = logits.map((row) => {
    const lse = Math.log(row.reduce((s, v) => s + Math.exp(v), 0))
    return row.map((v) => v - lse)
  })
  let total = 0
  for (let code = 0; code < V ** T; code++) {
    const path = Array.from({ length: T }, (_, t) => Math.floor(code / V ** t) % V)
    const collapsed = path.filter((k, t) => t === 0 || k !== path[t - 1]).filter((k) => k !== BLANK)
    if (collapsed.length === labels.length && collapsed.every((k, i) => k === labels[i])) {
      total += Math.exp(path.reduce((s, k, t) => s + logp[t]![k]!, 0))
    }
  }
  return -Math.log(total)
}

beforeAll(async () => {
  await tf.setBackend('cpu')
})

describe('CTC loss', () => {
  const labels = [[1, 2, 2], [2], []]
  const lengths = [6, 4, 5]

  it('equals brute-force path enumeration (repeats need a blank between them)', () => {
    const logits = tf.randomNormal([3, 6, 3], 0, 1.5, 'float32', 4) as tf.Tensor3D
    const raw = logits.arraySync()
    const { loss } = ctcLoss(logits, lengths, labels, BLANK)
    const got = loss.arraySync()
    labels.forEach((l, b) => expect(got[b]).toBeCloseTo(bruteForceCtc(raw[b]!.slice(0, lengths[b]), l), 4))
    tf.dispose([logits, loss])
  })

  it('gradient matches finite differences', () => {
    const logits = tf.variable(tf.randomNormal([3, 6, 3], 0, 1.5, 'float32', 5))
    const weights = tf.tensor1d([1, 0.5, 2])
    const f = (): tf.Scalar => tf.tidy(() => tf.sum(tf.mul(ctcLoss(logits as unknown as tf.Tensor3D, lengths, labels, BLANK).loss, weights)))
    const { worst } = checkGradients(f, { logits }, 40, 1e-2, 5e-2)
    expect(worst).toBeLessThan(1e-2)
    tf.dispose([logits, weights])
  })

  it('reports labels that cannot fit and gives them zero loss', () => {
    const logits = tf.zeros([1, 3, 3]) as tf.Tensor3D
    const { loss, infeasible } = ctcLoss(logits, [3], [[1, 1, 1]], BLANK)
    expect(infeasible).toEqual([0])
    expect(loss.arraySync()).toEqual([0])
    tf.dispose([logits, loss])
  })
})
