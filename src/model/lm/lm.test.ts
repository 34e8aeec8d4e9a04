import { describe, expect, it } from 'vitest'
import { formatArpa, parseArpa } from './arpa'
import { estimateKneserNey } from './kneser-ney'
import { SENTENCE_START } from './ngram-lm'

const corpus = [
  'open the door',
  'close the door',
  'open the window',
  'close the window please',
  'the cat sat on the mat',
  'the dog sat on the door mat',
  'please open the file',
  'please close the file'
].map((s) => s.split(' '))

describe('Kneser-Ney n-gram model', () => {
  const lm = estimateKneserNey(corpus, { order: 3, minCount: 1 })

  it('is a proper distribution after every history (seen, backed-off and empty), pruned or not', () => {
    const pruned = estimateKneserNey(corpus, { order: 3, minCount: 2 })
    expect(pruned.entries[2]!.size).toBeLessThan(lm.entries[2]!.size)
    for (const model of [lm, pruned]) {
      const vocab = [...model.entries[0]!.keys()].filter((w) => w !== SENTENCE_START)
      for (const history of [[SENTENCE_START], ['open', 'the'], ['the'], ['sat', 'on'], ['zebra'], []]) {
        const total = vocab.reduce((sum, w) => sum + 10 ** model.logProb(history, w), 0)
        expect(total, history.join(' ')).toBeCloseTo(1, 4)
      }
    }
  })

  it('prefers sentences like its training text', () => {
    expect(lm.sentenceLogProb('open the door'.split(' '))).toBeGreaterThan(lm.sentenceLogProb('door the open'.split(' ')))
    expect(lm.sentenceLogProb('close the file'.split(' '))).toBeGreaterThan(lm.sentenceLogProb('close the fail'.split(' ')))
  })

  it('survives an ARPA round trip with the same scores', () => {
    const again = parseArpa(formatArpa(lm))
    for (const sentence of ['open the door', 'please open the window', 'unknown words here']) {
      expect(again.sentenceLogProb(sentence.split(' '))).toBeCloseTo(lm.sentenceLogProb(sentence.split(' ')), 2)
    }
  })

  it('reports a malformed ARPA line by number', () => {
    expect(() => parseArpa('\\data\\\nngram 1=1\n\n\\1-grams:\nnot-a-number word\n\\end\\\n')).toThrow(/ARPA line 5/)
  })
})
