import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { synthesize } from '../../node/tts'
import { DICTATION_PUSH_FRAMES, type DictationSegment, type DictationUpdate } from '../../shared/dictation'
import { charErrorRate } from '../decoding/metrics'
import { overfitTinyModel } from '../decoding/testing/overfit'
import { registerProjectKernels } from '../kernels/register'
import type { Seq2SeqModel } from '../network/seq2seq'
import { Recognizer } from '../recognizer'
import { DictationSession } from './dictation-session'

const RATE = 16000
const TEXTS = ['open the door', 'seven eight nine', 'good morning', 'turn right now', 'call my mother', 'hello world']

let model: Seq2SeqModel
let recognizer: Recognizer
let speech: { text: string; pcm: Float32Array }[]

beforeAll(async () => {
  await tf.setBackend('wasm')
  registerProjectKernels()
  speech = await synthesize(TEXTS)
  ;({ model } = await overfitTinyModel(speech))
  recognizer = new Recognizer(model)
})
afterAll(() => model.dispose())

/** Concatenates PCM pieces; numbers are seconds of low background noise (a quiet room, not digital zero). */
function stream(parts: (Float32Array | number)[], seed = 7): Float32Array {
  let state = seed
  const noise = (): number => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) * 2e-3
  const pieces = parts.map((p) => (typeof p === 'number' ? Float32Array.from({ length: Math.round(p * RATE) }, noise) : p))
  const out = new Float32Array(pieces.reduce((n, p) => n + p.length, 0))
  pieces.reduce((at, p) => (out.set(p, at), at + p.length), 0)
  return out
}

/** Feeds `pcm` in feature chunks as the renderer pushes them, stepping after each, as the engine does; then finishes. */
function replay(session: DictationSession, pcm: Float32Array): { updates: DictationUpdate[]; pushedSeconds: number[] } {
  const feats = recognizer.features(pcm)
  const updates: DictationUpdate[] = []
  const pushedSeconds: number[] = []
  const chunk = DICTATION_PUSH_FRAMES * feats.dim
  for (let at = 0; at < feats.data.length; at += chunk) {
    session.push(feats.data.subarray(at, at + chunk))
    for (const u of session.step()) {
      updates.push(u)
      pushedSeconds.push(session.seconds)
    }
  }
  for (const u of session.finish()) {
    updates.push(u)
    pushedSeconds.push(session.seconds)
  }
  return { updates, pushedSeconds }
}

const finals = (updates: DictationUpdate[]): DictationSegment[] => updates.flatMap((u) => (u.kind === 'final' ? [u.segment] : []))

describe('DictationSession (tiny model overfitted on the spoken sentences)', () => {
  it('streams partials during speech and one final per sentence', () => {
    const [a, b] = [speech[0]!, speech[1]!]
    const pcm = stream([0.5, a.pcm, 1.2, b.pcm, 1.2])
    const aEnd = 0.5 + a.pcm.length / RATE
    const { updates, pushedSeconds } = replay(new DictationSession(recognizer, { decoder: 'greedy' }), pcm)

    const firstPartial = updates.findIndex((u) => u.kind === 'partial' && u.segment.index === 0)
    expect(firstPartial).toBeGreaterThanOrEqual(0)
    expect(pushedSeconds[firstPartial]).toBeLessThan(aEnd) // before the sentence is over
    const texts = finals(updates).filter((s) => s.stable !== '')
    expect(texts.map((s) => s.index)).toEqual([0, 1])
    expect(charErrorRate([[a.text, texts[0]!.stable], [b.text, texts[1]!.stable]]).rate).toBeLessThan(0.15)
    expect(texts[0]!.start).toBeLessThan(0.6)
    expect(texts[1]!.start).toBeGreaterThan(aEnd)
    for (const w of texts[1]!.words) expect(w.start).toBeGreaterThanOrEqual(texts[1]!.start - 1e-6)
  })

  it('refreshes partials at least every 200 ms of audio and never takes stable words back', () => {
    const pcm = stream([0.4, speech[4]!.pcm, 1.0])
    const { updates, pushedSeconds } = replay(new DictationSession(recognizer, { decoder: 'greedy' }), pcm)
    const partialAt = updates.flatMap((u, i) => (u.kind === 'partial' ? [pushedSeconds[i]!] : []))
    expect(partialAt.length).toBeGreaterThan(3)
    partialAt.slice(1).forEach((t, i) => expect(t - partialAt[i]!).toBeLessThanOrEqual(0.2 + 1e-6))
    let stable = ''
    for (const u of updates) {
      if (u.kind !== 'partial') continue
      expect(u.segment.stable.startsWith(stable)).toBe(true)
      stable = u.segment.stable
    }
  })

  it('keeps the stable words in the final even when new settings would read them otherwise', () => {
    const session = new DictationSession(recognizer, { decoder: 'greedy' })
    const feats = recognizer.features(stream([0.4, speech[4]!.pcm, 1.0])) // "call my mother"
    const chunk = DICTATION_PUSH_FRAMES * feats.dim
    const updates: DictationUpdate[] = []
    let stable = ''
    for (let at = 0; at < feats.data.length; at += chunk) {
      session.push(feats.data.subarray(at, at + chunk))
      for (const u of session.step()) {
        updates.push(u)
        if (u.kind === 'partial' && stable === '' && u.segment.stable !== '') {
          stable = u.segment.stable
          session.configure({ decoder: 'beam', beam: 4, hotwords: ['mall'], hotwordBonus: 4 }) // would write "mall my mother"
        }
      }
    }
    updates.push(...session.finish())
    expect(stable).not.toBe('')
    const [final] = finals(updates)
    expect(final!.stable.startsWith(`${stable} `)).toBe(true)
    const fresh = new DictationSession(recognizer, { decoder: 'beam', beam: 4, hotwords: ['mall'], hotwordBonus: 4 })
    expect(finals(replay(fresh, stream([0.4, speech[4]!.pcm, 1.0])).updates)[0]!.stable.startsWith(`${stable} `)).toBe(false)
  })

  it('decodes nothing new in the pause before the endpoint: the final reuses the last partial\'s decode', () => {
    const session = new DictationSession(recognizer, { decoder: 'greedy' })
    const decode = vi.spyOn(recognizer, 'decode')
    try {
      const { updates } = replay(session, stream([0.4, speech[1]!.pcm, 1.2]))
      const partials = updates.flatMap((u) => (u.kind === 'partial' ? [u.segment] : []))
      const [final] = finals(updates)
      expect(decode).toHaveBeenCalledTimes(partials.length)
      const last = partials.at(-1)!
      expect([final!.start, final!.end]).toEqual([last.start, last.end])
      expect(final!.stable).toBe(`${last.stable} ${last.unstable}`.trim())
    } finally {
      decode.mockRestore()
    }
  })

  it('returns an attention map of characters x encoder steps with each row a distribution', () => {
    const { updates } = replay(new DictationSession(recognizer, { decoder: 'greedy' }), stream([0.3, speech[2]!.pcm, 1.0]))
    const final = finals(updates).find((s) => s.stable !== '')!
    const map = final.alignment
    expect(map.chars.join('')).toBe(final.stable)
    expect(map.weights.length).toBe(map.chars.length * map.steps)
    for (let c = 0; c < map.chars.length; c++) {
      const sum = map.weights.slice(c * map.steps, (c + 1) * map.steps).reduce((s, w) => s + w, 0)
      expect(sum).toBeCloseTo(1, 1)
    }
  })

  it('gives no words for a quiet room, and leaves no tensors behind', () => {
    const before = tf.memory().numTensors
    const { updates } = replay(new DictationSession(recognizer, { decoder: 'joint', beam: 4 }), stream([20]))
    expect(finals(updates).filter((s) => s.stable !== '')).toEqual([])
    replay(new DictationSession(recognizer, { decoder: 'joint', beam: 4 }), stream([0.3, speech[3]!.pcm, 0.8]))
    expect(tf.memory().numTensors).toBe(before)
  })

  it('rejects a push that is not whole frames', () => {
    const session = new DictationSession(recognizer, {})
    expect(() => session.push(new Float32Array(session.featureDim + 1))).toThrow(/multiple of 80/)
  })
})
