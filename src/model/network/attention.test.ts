import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AttentionType } from '../config'
import { checkGradients } from '../testing/gradient-check'
import { attend, prepareAttention, uniformAlignment } from './attention'
import { attentionScorer, createAttentionWeights } from './attention-scorers'
import { ParamBuilder } from './params'

const [B, T, D] = [2, 5, 4]
const lengths = [5, 3]

beforeAll(async () => {
  await tf.setBackend('cpu')
})

describe('attention', () => {
  const types: AttentionType[] = ['dot', 'general', 'additive', 'location']
  for (const type of types) {
    it(`${type}: gradients w.r.t. weights, memory and query match finite differences`, () => {
      const pb = new ParamBuilder(21)
      const w = createAttentionWeights(pb, { type, dim: 3, locFilters: 2, locKernel: 3 }, D, D)
      const memory = pb.uniform('memory', [B, T, D], 1)
      const query = pb.uniform('query', [B, D], 1)
      const prev = uniformAlignment(lengths, T)
      const weights = tf.randomNormal([B, D], 0, 1, 'float32', 3)
      const scorer = attentionScorer(w)
      const loss = (): tf.Scalar => tf.tidy(() => {
        const mem = prepareAttention(scorer, memory as tf.Tensor3D, lengths)
        // two chained steps so the location-aware path sees a non-uniform previous alignment
        const first = attend(scorer, mem, query as tf.Tensor2D, prev)
        const second = attend(scorer, mem, tf.tanh(query) as tf.Tensor2D, first.align)
        return tf.add(tf.sum(tf.mul(second.context, weights)), tf.sum(tf.mul(first.align, tf.range(0, T))))
      })
      const { worst, samples } = checkGradients(loss, Object.fromEntries(pb.params), 6)
      expect(samples.length).toBeGreaterThanOrEqual(12)
      expect(worst).toBeLessThan(2e-2)
      tf.dispose([prev, weights, ...pb.params.values()])
    })
  }

  it('gives padded steps zero weight and sums to one', () => {
    const pb = new ParamBuilder(2)
    const scorer = attentionScorer(createAttentionWeights(pb, { type: 'location', dim: 3, locFilters: 2, locKernel: 3 }, D, D))
    const align = tf.tidy(() => {
      const mem = prepareAttention(scorer, tf.randomNormal([B, T, D], 0, 1, 'float32', 1) as tf.Tensor3D, lengths)
      return attend(scorer, mem, tf.randomNormal([B, D], 0, 1, 'float32', 2) as tf.Tensor2D, uniformAlignment(lengths, T)).align.arraySync()
    })
    expect(align[1]!.slice(3)).toEqual([0, 0])
    for (const row of align) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5)
    tf.dispose([...pb.params.values()])
  })

  it('one utterance (its memory as one matrix, shared by a beam of queries) attends as it would inside a batch', () => {
    const pb = new ParamBuilder(4)
    const scorer = attentionScorer(createAttentionWeights(pb, { type: 'location', dim: 3, locFilters: 2, locKernel: 3 }, D, D))
    const [batched, single] = tf.tidy(() => {
      const memory = tf.randomNormal([B, T, D], 0, 1, 'float32', 5) as tf.Tensor3D
      const query = tf.randomNormal([B, D], 0, 1, 'float32', 6) as tf.Tensor2D
      const inBatch = attend(scorer, prepareAttention(scorer, memory, lengths), query, uniformAlignment(lengths, T)).context
      const mem = prepareAttention(scorer, tf.slice(memory, [1, 0, 0], [1, T, D]), [lengths[1]!])
      const beamQueries = tf.stack([tf.gather(query, 1), tf.gather(query, 1)]) as tf.Tensor2D
      const alone = attend(scorer, mem, beamQueries, uniformAlignment([lengths[1]!, lengths[1]!], T)).context
      return [inBatch.arraySync()[1]!, alone.arraySync()]
    })
    for (const row of single) row.forEach((x, d) => expect(x).toBeCloseTo(batched[d]!, 5))
    tf.dispose([...pb.params.values()])
  })

  it('the gradient check detects a 5% gradient error', () => {
    const v = tf.variable(tf.tensor1d([0.3, -0.2, 0.5]))
    const wrong = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
      const x = args[0] as tf.Tensor
      return { value: tf.sum(tf.square(x)), gradFunc: (dy: tf.Tensor) => [tf.mul(dy, tf.mul(x, 2.1))] }
    })
    expect(checkGradients(() => wrong(v) as tf.Scalar, { v }).worst).toBeGreaterThan(0.04)
    v.dispose()
  })
})
