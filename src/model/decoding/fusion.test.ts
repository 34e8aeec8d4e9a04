import { describe, expect, it } from 'vitest'
import { estimateKneserNey } from '../lm/kneser-ney'
import { EOS_ID, Vocabulary } from '../text/vocabulary'
import { HotwordBiasing, parseHotwordList } from './hotwords'
import type { TokenScorer } from './token-scorer'
import { WordLmFusion } from './word-lm-fusion'

const vocab = new Vocabulary()
const SPACE = vocab.encode(' ')[0]!

/** Total score a scorer gives `text` (then eos when `end`). */
function scoreOf<S>(scorer: TokenScorer<S>, text: string, end = true): number {
  let state = scorer.initial()
  let total = 0
  for (const token of [...vocab.encode(text), ...(end ? [EOS_ID] : [])]) {
    const r = scorer.extend(state, token)
    total += r.delta
    state = r.state
  }
  return total
}

describe('hot-word biasing', () => {
  const hot = new HotwordBiasing(['kayleigh', 'new york', 'new'].map((p) => vocab.encode(p)), SPACE, EOS_ID, 2)

  it('confirms a whole hot word at its end, inside a sentence or at its end', () => {
    expect(scoreOf(hot, 'call kayleigh now')).toBe(16)
    expect(scoreOf(hot, 'call kayleigh')).toBe(16)
  })

  it('pays while inside a prefix and revokes it when the path leaves', () => {
    expect(scoreOf(hot, 'call kayle', false)).toBe(10)
    expect(scoreOf(hot, 'call kaylee now')).toBe(0)
    expect(scoreOf(hot, 'kay')).toBe(0)
    expect(scoreOf(hot, 'okayleigh')).toBe(0) // no entry mid-word
  })

  it('follows phrases across spaces and keeps a complete word a phrase starts with', () => {
    expect(scoreOf(hot, 'in new york')).toBe(16)
    expect(scoreOf(hot, 'a new yorker')).toBe(6) // "new" confirmed, "york..." revoked
    expect(scoreOf(hot, 'new kayleigh')).toBe(22)
  })
})

describe('hot-word list files', () => {
  it('hold one entry per line, comments and blank lines skipped', () => {
    expect(parseHotwordList('# names\nKayleigh\r\n\n  New York  # city\n')).toEqual(['Kayleigh', 'New York'])
  })
})

describe('word LM fusion', () => {
  const lm = estimateKneserNey([['open', 'the', 'door'], ['close', 'the', 'door']], { order: 3, minCount: 1 })

  it('costs weight · ln P(word | history) - bonus per word in the end, and P(</s> | history) at eos', () => {
    const fusion = new WordLmFusion(vocab.tokens, SPACE, EOS_ID, lm, 0.5, 1.5)
    const expected = 0.5 * Math.LN10 * lm.sentenceLogProb(['open', 'the', 'door']) + 3 * 1.5
    expect(scoreOf(fusion, 'open the door')).toBeCloseTo(expected, 6)
    expect(scoreOf(fusion, 'open  the door')).toBeCloseTo(expected, 6) // an empty word is no word
  })

  it('charges a word letter by letter with the best unigram of its prefix, so ends cannot be put off', () => {
    const fusion = new WordLmFusion(vocab.tokens, SPACE, EOS_ID, lm, 0.5, 1.5)
    const open = 0.5 * Math.LN10 * lm.logProb(['<s>'], 'open') + 1.5
    expect(scoreOf(fusion, 'open th', false)).toBeCloseTo(open + 0.5 * Math.LN10 * lm.logProb([], 'the'), 6)
    expect(scoreOf(fusion, 'open thx', false)).toBeCloseTo(open + 0.5 * Math.LN10 * lm.logProb([], '<unk>'), 6)
    expect(scoreOf(fusion, 'open', false)).toBeCloseTo(0.5 * Math.LN10 * lm.logProb([], 'open'), 6)
  })
})
