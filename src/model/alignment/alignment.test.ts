import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { synthesize } from '../../node/tts'
import { overfitTinyModel } from '../decoding/testing/overfit'
import { registerProjectKernels } from '../kernels/register'
import type { Seq2SeqModel } from '../network/seq2seq'
import { Recognizer } from '../recognizer'
import { composeWords, trimToVoice, type ComposedSpeech, type WordLayout } from '../testing/composed-speech'
import type { Example } from '../training/example'
import { ctcViterbi } from './ctc-viterbi'

const WORDS = ['green', 'apple', 'seven', 'door', 'music', 'left']
/** Word orders and the silence before each word and at the end (seconds): the reference timings follow from them. */
const LAYOUTS: WordLayout[] = [
  { order: [0, 1, 2], gaps: [0.2, 0.3, 0.25, 0.2] }, { order: [3, 4, 5], gaps: [0.15, 0.4, 0.2, 0.3] },
  { order: [5, 0, 3, 1], gaps: [0.3, 0.2, 0.35, 0.15, 0.2] }, { order: [2, 4, 1], gaps: [0.25, 0.25, 0.3, 0.2] },
  { order: [4, 3, 0, 2], gaps: [0.1, 0.3, 0.2, 0.4, 0.2] }, { order: [1, 5, 4], gaps: [0.35, 0.15, 0.25, 0.3] },
  { order: [0, 5, 2, 3], gaps: [0.2, 0.2, 0.2, 0.3, 0.25] }, { order: [3, 2, 1, 0], gaps: [0.25, 0.3, 0.15, 0.25, 0.2] }
]

let model: Seq2SeqModel
let examples: Example[]
let utterances: ComposedSpeech[]

beforeAll(async () => {
  await tf.setBackend('wasm')
  registerProjectKernels()
  const words = (await synthesize(WORDS)).map((u) => trimToVoice(u.pcm))
  utterances = LAYOUTS.map((layout) => composeWords(WORDS, words, layout))
  ;({ model, examples } = await overfitTinyModel(utterances, 0.05)) // forced alignment needs no perfect transcripts
})
afterAll(() => model.dispose())

describe('forced alignment (tiny model trained on separately synthesised words with known gaps)', () => {
  it('puts every word inside the audio, in order, within 100 ms of where it was placed', () => {
    const rec = new Recognizer(model)
    const errors: number[] = []
    utterances.forEach((u, i) => {
      const words = rec.align(examples[i]!.feats, u.text)!
      expect(words.map((w) => w.word)).toEqual(u.reference.map((r) => r.word))
      words.forEach((w, k) => {
        const ref = u.reference[k]!
        expect(w.start).toBeGreaterThanOrEqual(k === 0 ? 0 : words[k - 1]!.end)
        expect(w.end).toBeLessThanOrEqual(u.pcm.length / 16000 + rec.encoderStepSeconds)
        errors.push(w.start - ref.start, w.end - ref.end)
      })
    })
    expect(Math.max(...errors.map(Math.abs))).toBeLessThan(0.1) // measured: 0.09 max, 0.035 mean
    expect(errors.reduce((s, e) => s + Math.abs(e), 0) / errors.length).toBeLessThan(0.05)
  })

  it('gives the decoded words the same times (joint search)', () => {
    const rec = new Recognizer(model)
    utterances.forEach((_, i) => {
      const r = rec.decode(examples[i]!.feats, { decoder: 'joint' })
      expect(r.timing).toBe('ctc')
      expect(r.words).toEqual(rec.align(examples[i]!.feats, r.text))
    })
  })

  it('returns null when the text cannot fit in the frames, and no spans for no text', () => {
    const posteriors = { data: new Float32Array(2 * 4).fill(Math.log(0.25)), frames: 2, vocab: 4 }
    expect(ctcViterbi(posteriors, [2, 2], 1)).toBeNull()
    expect(ctcViterbi(posteriors, [], 1)).toEqual([])
    const spans = ctcViterbi(posteriors, [2, 3], 1)!
    expect(spans.map((s) => [s.first, s.last])).toEqual([[0, 0], [1, 1]])
    spans.forEach((s) => expect(s.posterior).toBeCloseTo(0.25, 6))
  })
})
