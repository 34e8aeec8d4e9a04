import { describe, expect, it } from 'vitest'
import { editDistance, errorRates } from './wer'

describe('wer', () => {
  it('counts substitutions, insertions and deletions', () => {
    expect(editDistance([], [])).toBe(0)
    expect(editDistance(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toBe(2)
    expect(editDistance(['a', 'b'], [])).toBe(2)
    expect(editDistance([...'kitten'], [...'sitting'])).toBe(3)
  })

  it('is corpus-level over all pairs', () => {
    const r = errorRates([['the cat sat', 'the cat sat'], ['open the file', 'open a file now']])
    expect(r.words).toBe(6)
    expect(r.wer).toBeCloseTo(2 / 6)
    expect(errorRates([['ab', 'ab']]).cer).toBe(0)
    expect(errorRates([['ab', '']]).wer).toBe(1)
  })
})
