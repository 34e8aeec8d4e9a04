import { describe, expect, it } from 'vitest'
import { BLANK_ID, Vocabulary } from '../text/vocabulary'
import { alignWords } from './word-timings'

const vocab = new Vocabulary()
const STEP = 0.04

/** One-hot attention rows peaking at the given steps over `steps` encoder steps. */
const peaks = (at: number[], steps: number): number[][] => at.map((p) => Array.from({ length: steps }, (_, j) => (j === p ? 0.9 : 0.1 / (steps - 1))))

/** Log posteriors [steps, V]: `spikes[t]` (a token id) at 0.9 where given, blank elsewhere. */
function posteriors(spikes: Record<number, number>, steps: number, sure = 0.9): { data: Float32Array; frames: number; vocab: number } {
  const data = new Float32Array(steps * vocab.size)
  for (let t = 0; t < steps; t++) {
    const top = spikes[t] ?? BLANK_ID
    for (let k = 0; k < vocab.size; k++) data[t * vocab.size + k] = Math.log(k === top ? sure : (1 - sure) / (vocab.size - 1))
  }
  return { data, frames: steps, vocab: vocab.size }
}

describe('word timings', () => {
  const tokens = vocab.encode('go on')

  it('come from the CTC spikes: a word spans one step before its first spike to after its last', () => {
    const { words, timing } = alignWords(posteriors({ 3: tokens[0]!, 5: tokens[1]!, 7: tokens[2]!, 10: tokens[3]!, 12: tokens[4]! }, 16), tokens, [], [], vocab, STEP)
    expect(timing).toBe('ctc')
    expect(words.map((w) => [w.word, +(w.start / STEP).toFixed(6), +(w.end / STEP).toFixed(6)])).toEqual([['go', 2, 6], ['on', 9, 13]])
    words.forEach((w) => expect(w.confidence).toBeCloseTo(0.9, 5))
  })

  it('fall back to attention peaks when the CTC posteriors are at chance, with decoder probabilities as confidence', () => {
    const flat = { data: new Float32Array(16 * vocab.size).fill(-Math.log(vocab.size)), frames: 16, vocab: vocab.size }
    const logProbs = [0.8, 0.6, 0.9, 0.7, 0.5].map(Math.log)
    const { words, timing } = alignWords(flat, tokens, peaks([2, 4, 7, 9, 11], 16), logProbs, vocab, STEP)
    expect(timing).toBe('attention')
    expect(words.map((w) => [w.word, +(w.start / STEP).toFixed(6), +(w.end / STEP).toFixed(6)])).toEqual([['go', 1, 5], ['on', 8, 12]])
    expect(words[0]!.confidence).toBeCloseTo(0.7, 6)
    expect(words[1]!.confidence).toBeCloseTo(0.6, 6)
  })

  it('fall back to attention peaks when CTC cannot fit the text', () => {
    expect(alignWords(posteriors({}, 3), tokens, peaks([0, 0, 1, 1, 2], 3), [0, 0, 0, 0, 0], vocab, STEP).timing).toBe('attention')
  })
})
