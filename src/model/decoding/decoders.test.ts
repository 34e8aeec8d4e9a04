import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { synthesize } from '../../node/tts'
import { registerProjectKernels } from '../kernels/register'
import { estimateKneserNey } from '../lm/kneser-ney'
import type { Seq2SeqModel } from '../network/seq2seq'
import { Recognizer } from '../recognizer'
import type { Example } from '../training/example'
import type { DecodeOptions } from './decode-options'
import { charErrorRate } from './metrics'
import { overfitTinyModel } from './testing/overfit'

/**
 * The trainer test's sentences plus a name said the same way and spelled two ways: the model learns to write
 * "call kaylee now" for its audio, though "call kayleigh" is as plausible a spelling of what it hears.
 */
const TEXTS = ['yes', 'no', 'stop the music', 'go left', 'turn right now', 'hello world', 'open the door', 'seven eight nine',
  'call my mother', 'good morning', 'call kaylee now', 'call kayleigh later']

/** Joint search as these tests need it: the tiny model's speller is less sure than its CTC head, so it gets more
 * CTC weight than the product default (tuned for the bundled model); the tests are about fusion, not λ. */
const JOINT = { decoder: 'joint', ctcWeight: 0.3 } as const

let model: Seq2SeqModel
let examples: Example[]
let rec: Recognizer

beforeAll(async () => {
  await tf.setBackend('wasm')
  registerProjectKernels()
  ;({ model, examples } = await overfitTinyModel(await synthesize(TEXTS)))
  rec = new Recognizer(model)
})
afterAll(() => model.dispose())

describe('decoders on a tiny overfitted model', () => {
  it('beam search of width 1 is greedy search', () => {
    for (const e of examples) {
      const greedy = rec.transcribe(e.feats)
      const beam = rec.decode(e.feats, { decoder: 'beam', beam: 1 })
      expect(beam.tokens).toEqual(greedy.tokens)
      expect(beam.logProb).toBeCloseTo(greedy.logProb, 3)
      beam.attention.forEach((row, u) => row.forEach((a, j) => expect(a).toBeCloseTo(greedy.attention[u]![j]!, 5)))
      expect(rec.decode(e.feats, { decoder: 'greedy' }).tokens).toEqual(greedy.tokens)
    }
  })

  it('joint CTC/attention search with λ = 0 is attention beam search', () => {
    for (const e of examples.slice(0, 6)) {
      const attention = rec.decode(e.feats, { decoder: 'beam', beam: 4 })
      const joint = rec.decode(e.feats, { decoder: 'joint', beam: 4, ctcWeight: 0 })
      expect(joint.tokens).toEqual(attention.tokens)
      expect(joint.score).toBe(attention.score)
      expect(joint.attention).toEqual(attention.attention)
    }
  })

  it('transcribes its training set with every decoder, word times inside the audio and in order', () => {
    for (const decoder of ['greedy', 'beam', 'joint'] as const) {
      const results = rec.decodeBatch(examples.map((e) => e.feats), { decoder })
      expect(charErrorRate(results.map((r, i): [string, string] => [TEXTS[i]!, r.text])).rate, decoder).toBeLessThan(0.03)
      results.forEach((r, i) => {
        expect(r.words.map((w) => w.word).join(' ')).toBe(r.text.split(' ').filter((w) => w !== '').join(' '))
        const seconds = examples[i]!.feats.frames * 0.01
        r.words.forEach((w, k) => {
          expect(w.start).toBeGreaterThanOrEqual(k === 0 ? 0 : r.words[k - 1]!.end - 1e-9)
          expect(w.end).toBeGreaterThan(w.start)
          expect(w.end).toBeLessThanOrEqual(seconds + r.encoderStepSeconds)
          expect(w.confidence).toBeGreaterThan(0)
          expect(w.confidence).toBeLessThanOrEqual(1)
        })
      })
    }
  })

  it('fuses a word LM without breaking what the acoustics are sure of', () => {
    const lm = estimateKneserNey(TEXTS.map((t) => t.split(' ')), { order: 3, minCount: 1 })
    const results = rec.decodeBatch(examples.map((e) => e.feats), { ...JOINT, lm, lmWeight: 0.5, wordBonus: 1 })
    expect(results.map((r) => r.text)).toEqual(TEXTS)
  })

  it('spells a hot word the way the list does (joint search, default bonus), and only where it was said', () => {
    const feats = examples.map((e) => e.feats)
    expect(rec.decode(feats[TEXTS.indexOf('call kaylee now')]!, JOINT).text).toBe('call kaylee now')
    const listed = rec.decodeBatch(feats, { ...JOINT, hotwords: ['Kayleigh'] }).map((r) => r.text)
    expect(listed).toEqual(TEXTS.map((t) => t.replace('kaylee', 'kayleigh')))
  })

  it('starts the transcript with a forced prefix, with every decoder, even one the audio does not say', () => {
    const yes = examples[TEXTS.indexOf('yes')]!.feats
    const prefix = rec.vocabulary.encode('go ')
    for (const decoder of ['greedy', 'beam', 'joint'] as const) {
      const free = rec.decode(yes, { decoder, beam: 4 })
      expect(free.text, decoder).toBe('yes')
      const forced = rec.decode(yes, { decoder, beam: 4 }, prefix)
      expect(forced.tokens.slice(0, prefix.length), decoder).toEqual(prefix)
      expect(forced.attention, decoder).toHaveLength(forced.tokens.length)
    }
  })

  it('greedy search through its own first tokens reads the same; a prefix the audio cannot hold is dropped', () => {
    const feats = examples[TEXTS.indexOf('turn right now')]!.feats
    const free = rec.decode(feats, { decoder: 'greedy' })
    const through = rec.decode(feats, { decoder: 'greedy' }, free.tokens.slice(0, 5))
    expect(through.tokens).toEqual(free.tokens)
    expect(through.score).toBeCloseTo(free.score, 3)
    const tooLong = rec.vocabulary.encode('turn right now '.repeat(40)) // more letters than CTC frames
    expect(rec.decode(feats, JOINT, tooLong).text).toBe(rec.decode(feats, JOINT).text)
  })

  it('keeps the tensor count constant over 100 beam decodes', () => {
    const lm = estimateKneserNey(TEXTS.map((t) => t.split(' ')), { order: 3, minCount: 1 })
    const options: Partial<DecodeOptions> = { decoder: 'joint', beam: 8, lm, hotwords: ['kayleigh'] }
    rec.decode(examples[0]!.feats, options)
    const before = tf.memory().numTensors
    for (let i = 0; i < 100; i++) rec.decode(examples[i % 4]!.feats, i % 2 === 0 ? options : { decoder: 'beam', beam: 8 })
    expect(tf.memory().numTensors).toBe(before)
  })
})
