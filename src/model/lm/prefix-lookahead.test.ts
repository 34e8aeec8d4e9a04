import { describe, expect, it } from 'vitest'
import { estimateKneserNey } from './kneser-ney'
import { PrefixLookahead } from './prefix-lookahead'

describe('word-prefix look-ahead', () => {
  const words = ['the', 'then', 'there', 'theory', 'a', 'an', 'apple', 'zebra', 'the', 'the', 'an', 'then']
  const lm = estimateKneserNey([words, words.slice(3)], { order: 2, minCount: 1 })
  const lookahead = new PrefixLookahead(lm)

  it('is the best unigram of the words with that prefix, by brute force', () => {
    const vocab = [...lm.entries[0]!.keys()].filter((w) => !w.startsWith('<'))
    for (const prefix of ['t', 'th', 'the', 'ther', 'theo', 'a', 'ap', 'z', 'zebra']) {
      const best = Math.max(...vocab.filter((w) => w.startsWith(prefix)).map((w) => lm.logProb([], w)))
      expect(lookahead.best(prefix), prefix).toBeCloseTo(best, 5)
    }
  })

  it('never rises as the prefix grows, costs nothing for no prefix and the unknown word for no match', () => {
    expect(lookahead.best('')).toBe(0)
    expect(lookahead.best('theoryx')).toBeCloseTo(lm.logProb([], '<unk>'), 5)
    const chain = ['t', 'th', 'the', 'theo', 'theor', 'theory'].map((p) => lookahead.best(p))
    chain.slice(1).forEach((v, i) => expect(v).toBeLessThanOrEqual(chain[i]!))
  })
})
