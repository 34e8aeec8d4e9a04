import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { charErrorRate, editDistance, wordErrorRate } from '../decoding/metrics'
import { DEFAULT_FEATURE_CONFIG } from '../features/feature-config'
import { clipByGlobalNorm, learningRateAt } from './adam'
import { bucketBatches } from './bucketing'
import { collate, shardBatch, targetTensors } from './collate'
import type { Example } from './example'
import { joinedExamples } from './joined-examples'
import { Random } from './random'
import { specAugment } from './spec-augment'

beforeAll(async () => {
  await tf.setBackend('cpu')
})

const ex = (frames: number, id = String(frames)): Example => ({ id, tokens: [5], feats: { frames, dim: 4, data: new Float32Array(frames * 4).fill(1) } })

describe('training utilities', () => {
  it('learning rate warms up linearly then decays as 1/sqrt(step)', () => {
    expect(learningRateAt(50, 1e-3, 100)).toBeCloseTo(5e-4)
    expect(learningRateAt(100, 1e-3, 100)).toBeCloseTo(1e-3)
    expect(learningRateAt(400, 1e-3, 100)).toBeCloseTo(5e-4)
    const anneal = { from: 400, until: 800 }
    expect(learningRateAt(400, 1e-3, 100, anneal)).toBeCloseTo(5e-4)
    expect(learningRateAt(600, 1e-3, 100, anneal)).toBeCloseTo(0.5 * 1e-3 * Math.sqrt(100 / 600))
    expect(learningRateAt(800, 1e-3, 100, anneal)).toBe(0)
    expect(learningRateAt(900, 1e-3, 100, anneal)).toBe(0)
  })

  it('clips gradients to the global norm and reports the norm before clipping', () => {
    const grads = new Map([['a', tf.tensor1d([3, 0])], ['b', tf.tensor1d([4])]])
    const { grads: clipped, norm } = clipByGlobalNorm(grads, 1)
    expect(norm).toBeCloseTo(5)
    expect(clipped.get('a')!.arraySync()).toEqual([expect.closeTo(0.6), 0])
    expect(clipped.get('b')!.arraySync()).toEqual([expect.closeTo(0.8)])
    tf.dispose([...grads.values(), ...clipped.values()])
  })

  it('buckets by length within the padded-frame budget and covers every example once', () => {
    const examples = [50, 10, 300, 20, 40, 290, 15, 60].map((f) => ex(f))
    const batches = bucketBatches(examples, 320, 4, new Random(1))
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    for (const b of batches) {
      const longest = Math.max(...b.map((i) => examples[i]!.feats.frames))
      expect(b.length * longest <= 320 || b.length === 1).toBe(true)
    }
  })

  it('collates with CMVN, pads targets with sos/eos, and shards without changing content', () => {
    const hb = collate([ex(3), ex(5)], { cmvn: { mean: [1, 1, 1, 1], std: [2, 2, 2, 2] }, inputLevel: null, features: DEFAULT_FEATURE_CONFIG }, 0.01)
    expect([hb.batch, hb.frames, hb.dim]).toEqual([2, 5, 4])
    expect(hb.feats.every((v) => v === 0)).toBe(true)
    expect(hb.audioSeconds).toBeCloseTo(0.08)
    const shards = shardBatch(hb, 2)
    expect(shards.map((s) => [s.batch, s.frames])).toEqual([[1, 3], [1, 5]])
    const t = targetTensors([[5, 6], [7]])
    expect(t.yIn.arraySync()).toEqual([[2, 5, 6], [2, 7, 0]])
    expect(t.yOut.arraySync()).toEqual([[5, 6, 3], [7, 3, 0]])
    expect(t.yMask.arraySync()).toEqual([[1, 1, 1], [1, 1, 0]])
    tf.dispose([t.yIn, t.yOut, t.yMask])
  })

  it('SpecAugment masks only inside each utterance, deterministically per seed', () => {
    const run = (seed: number): Float32Array => {
      const hb = collate([ex(100), ex(60)], null, 0.01)
      specAugment(hb, { warp: 0.1, colour: 0, freqMasks: 1, freqWidth: 2, timeMasks: 2, timeWidth: 20, timeRatio: 0.2 }, new Random(seed))
      return hb.feats
    }
    const a = run(3)
    expect(a).toEqual(run(3))
    expect(a.some((v) => v === 0)).toBe(true)
    expect(a.subarray((100 + 60) * 4).every((v) => v === 0)).toBe(true) // padding of utterance 2 stays zero
  })

  it('the band warp moves spectral content up or down by the drawn factor and keeps a flat spectrum flat', () => {
    const dim = 40
    const peakAt = (factor: number): number => {
      const hb = { feats: new Float32Array(dim).map((_, b) => (b === 20 ? 1 : 0)), batch: 1, frames: 1, dim, featLens: [1], labels: [[1]], audioSeconds: 0.01 }
      specAugment(hb, { warp: Math.abs(factor - 1), colour: 0, freqMasks: 0, freqWidth: 0, timeMasks: 0, timeWidth: 0, timeRatio: 0 }, { next: () => (factor > 1 ? 1 : 0) } as Random)
      return hb.feats.indexOf(Math.max(...hb.feats))
    }
    expect(peakAt(1.1)).toBe(22) // a longer-warped axis reads band 20 at 22
    expect(peakAt(0.9)).toBe(18)
    const flat = { feats: new Float32Array(dim).fill(0.5), batch: 1, frames: 1, dim, featLens: [1], labels: [[1]], audioSeconds: 0.01 }
    specAugment(flat, { warp: 0.1, colour: 0, freqMasks: 0, freqWidth: 0, timeMasks: 0, timeWidth: 0, timeRatio: 0 }, new Random(5))
    expect(flat.feats.every((v) => Math.abs(v - 0.5) < 1e-6)).toBe(true)
  })

  it('the colouring adds one smooth curve within ±2·range to every frame of an utterance, another to the next, none to padding', () => {
    const dim = 40
    const original = Float32Array.from({ length: 2 * 30 * dim }, (_, i) => (i < 50 * dim ? Math.sin(i) : 0)) // utterance 2: 20 frames + 10 padding
    const hb = { feats: original.slice(), batch: 2, frames: 30, dim, featLens: [30, 20], labels: [[1], [1]], audioSeconds: 0.5 }
    specAugment(hb, { warp: 0, colour: 0.25, freqMasks: 0, freqWidth: 0, timeMasks: 0, timeWidth: 0, timeRatio: 0 }, new Random(7))
    const added = (b: number, t: number): number[] => Array.from({ length: dim }, (_, d) => hb.feats[(b * 30 + t) * dim + d]! - original[(b * 30 + t) * dim + d]!)
    const first = added(0, 0)
    for (let t = 1; t < 30; t++) added(0, t).forEach((v, d) => expect(v).toBeCloseTo(first[d]!, 5))
    expect(Math.max(...first.map(Math.abs))).toBeLessThanOrEqual(0.5)
    expect(Math.max(...first.map(Math.abs))).toBeGreaterThan(0)
    first.slice(1).forEach((v, d) => expect(Math.abs(v - first[d]!)).toBeLessThan(0.05)) // no jumps between neighbouring bands
    const second = added(1, 0)
    expect(second.some((v, d) => Math.abs(v - first[d]!) > 1e-3)).toBe(true)
    for (let t = 20; t < 30; t++) expect(added(1, t).every((v) => v === 0)).toBe(true)
  })

  it('joins speech examples end to end (features and transcripts), never non-speech, within the frame cap', () => {
    const speech = [10, 20, 30, 40].map((frames, i): Example => ({
      id: `s${i}`, tokens: [10 + i, 20 + i], feats: { frames, dim: 2, data: Float32Array.from({ length: frames * 2 }, () => i) }
    }))
    const noise: Example = { id: 'noise', tokens: [], feats: { frames: 5, dim: 2, data: new Float32Array(10).fill(9) } }
    const opts = { count: 50, space: 4, seed: 3, minParts: 2, maxParts: 3, maxFrames: 70 }
    const joined = joinedExamples([...speech, noise], opts)
    expect(joined.length).toBeGreaterThan(30) // draws whose second part would pass the cap are skipped
    expect(joinedExamples([...speech, noise], opts)).toEqual(joined)
    for (const j of joined) {
      const parts = j.id.slice('joined:'.length).split('+').map((id) => speech.find((s) => s.id === id)!)
      expect(parts.length).toBeGreaterThanOrEqual(2)
      expect(j.feats.frames).toBe(parts.reduce((n, p) => n + p.feats.frames, 0))
      expect(j.feats.frames).toBeLessThanOrEqual(70)
      expect(Array.from(j.feats.data)).toEqual(parts.flatMap((p) => Array.from(p.feats.data)))
      expect(j.tokens).toEqual(parts.flatMap((p, i) => (i === 0 ? p.tokens : [4, ...p.tokens])))
    }
  })

  it('edit distance, WER and CER', () => {
    expect(editDistance([...'kitten'], [...'sitting'])).toBe(3)
    expect(wordErrorRate([['the cat sat', 'the cat sat down'], ['a b', 'a c']]).rate).toBeCloseTo(2 / 5)
    expect(charErrorRate([['ab cd', 'ab  cd']]).rate).toBe(0)
  })
})
