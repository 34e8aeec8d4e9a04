import { describe, expect, it } from 'vitest'
import { estimateKneserNey } from '../lm/kneser-ney'
import { NgramLm } from '../lm/ngram-lm'
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

describe('scorer ceilings', () => {
  const lm = estimateKneserNey([['open', 'the', 'door'], ['close', 'the', 'door'], ['a', 'xylophone']], { order: 3, minCount: 1 })
  // a word rarer than <unk>: leaving it for an unknown spelling raises the look-ahead
  const unigrams = new NgramLm([new Map([['<s>', -99], ['</s>', -1], ['<unk>', -2], ['the', -0.5], ['a', -0.7], ['xylophone', -5]].map(([w, p]) => [w as string, { logProb: p as number, backoff: 0 }]))])
  const scorers: [string, TokenScorer][] = [
    ['word LM', new WordLmFusion(vocab.tokens, SPACE, EOS_ID, lm, 0.8, 1.5)],
    ['unigram LM with <unk>, word penalty', new WordLmFusion(vocab.tokens, SPACE, EOS_ID, unigrams, 0.8, -5)],
    ['hot words', new HotwordBiasing(['kayleigh', 'new york'].map((p) => vocab.encode(p)), SPACE, EOS_ID, 2)]
  ]

  it.each(scorers)('%s: no token gains more than the ceiling, after any prefix', (_, scorer) => {
    for (const text of ['', 'open', 'open th', 'a xyl', 'a xylq', 'new', 'new yo', 'call kayl', 'close the door ']) {
      let state = scorer.initial()
      for (const token of vocab.encode(text)) state = scorer.extend(state, token).state
      const ceiling = scorer.ceiling(state)
      const gains = vocab.tokens.map((_, token) => token).filter((t) => t >= EOS_ID).map((token) => scorer.extend(state, token).delta)
      expect(Math.max(...gains), text).toBeLessThanOrEqual(ceiling + 1e-12)
    }
  })
})
