import { describe, expect, it } from 'vitest'
import { hasUsableLength, isSpeakable, splitSentences } from './sentences'

describe('sentences', () => {
  it('splits at sentence and clause ends', () => {
    expect(splitSentences('One two.  Three four!\nFive; six: seven?')).toEqual(['One two.', 'Three four!', 'Five;', 'six:', 'seven?'])
  })

  it('keeps plain prose and rejects what a voice cannot read cleanly', () => {
    expect(isSpeakable('He paid $5 at 7:45 on the 3rd, didn\'t he?')).toBe(true)
    expect(isSpeakable('Café “au lait”')).toBe(true)
    for (const bad of ['The NASA launch', 'see ls(1', 'use -v here', 'call getValue now', 'bash-5.0 only', 'the 1990s', 'Mr. Smith', 'at 3:05', 'agent 007', 'a -- b', 'x = y^2', '£5', 'Ελληνικά']) {
      expect(isSpeakable(bad), bad).toBe(false)
    }
  })

  it('keeps 2 to 20 words', () => {
    expect(hasUsableLength('one')).toBe(false)
    expect(hasUsableLength('one two')).toBe(true)
    expect(hasUsableLength(Array(20).fill('w').join(' '))).toBe(true)
    expect(hasUsableLength(Array(21).fill('w').join(' '))).toBe(false)
  })
})
