import { describe, expect, it } from 'vitest'
import { appendSegment, presentSegment } from './transcript-policy'

describe('dictation transcript policy', () => {
  it('capitalises the segment start and the pronoun i, inventing no punctuation', () => {
    expect(presentSegment('i think i\'ll call bob')).toBe("I think I'll call bob")
    expect(presentSegment('  open   the door ')).toBe('Open the door')
    expect(presentSegment('')).toBe('')
  })

  it('appends with exactly one space and keeps what the user typed', () => {
    expect(appendSegment('', 'hello')).toBe('Hello')
    expect(appendSegment('My note.', 'next line')).toBe('My note. Next line')
    expect(appendSegment('Ends with newline\n', 'more')).toBe('Ends with newline\nMore')
    expect(appendSegment('Keep', '   ')).toBe('Keep')
  })
})
