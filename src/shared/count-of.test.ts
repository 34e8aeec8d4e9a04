import { describe, expect, it } from 'vitest'
import { countOf } from './count-of'

describe('countOf', () => {
  it('puts the noun in the singular for exactly one and in the plural otherwise', () => {
    expect(countOf(1, 'recording')).toBe('1 recording')
    expect(countOf(0, 'recording')).toBe('0 recordings')
    expect(countOf(2, 'segment')).toBe('2 segments')
    expect(countOf(3, 'held-out recording')).toBe('3 held-out recordings')
    expect(countOf(1, 'utterance')).toBe('1 utterance')
  })
})
