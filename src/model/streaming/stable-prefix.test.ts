import { describe, expect, it } from 'vitest'
import { StablePrefix, type PartialWord } from './stable-prefix'

/** A partial whose k-th word ends at second k + 1. */
const timed = (text: string): PartialWord[] => text.split(' ').filter(Boolean).map((word, k) => ({ word, end: k + 1 }))

describe('StablePrefix', () => {
  it('marks words stable once two partials agree, never the last word', () => {
    const s = new StablePrefix()
    expect(s.update(timed('the'), Infinity)).toEqual({ stable: '', unstable: 'the' })
    expect(s.update(timed('the cap'), Infinity)).toEqual({ stable: 'the', unstable: 'cap' })
    expect(s.update(timed('the cat sat'), Infinity)).toEqual({ stable: 'the', unstable: 'cat sat' })
    expect(s.update(timed('the cat sat on'), Infinity)).toEqual({ stable: 'the cat sat', unstable: 'on' })
  })

  it('marks a word stable only once it ends before the settled point', () => {
    const s = new StablePrefix()
    s.update(timed('one two three four'), Infinity)
    expect(s.update(timed('one two three four'), 2.5)).toEqual({ stable: 'one two', unstable: 'three four' })
    expect(s.update(timed('one two three four'), 0.5)).toEqual({ stable: 'one two', unstable: 'three four' })
    expect(s.update(timed('one two three four five'), 4)).toEqual({ stable: 'one two three four', unstable: 'five' })
  })

  it('never takes stable words back when a later partial disagrees', () => {
    const s = new StablePrefix()
    s.update(timed('a big'), Infinity)
    expect(s.update(timed('a big dog'), Infinity).stable).toBe('a big')
    // The recogniser changes its mind about "big": the shown stable words stay, the tail follows the new partial.
    expect(s.update(timed('a pig dog ran'), Infinity)).toEqual({ stable: 'a big', unstable: 'dog ran' })
    expect(s.update(timed('a pig dog ran far'), Infinity).stable).toBe('a big')
  })

  it('concatenating stable and unstable reproduces an agreeing partial', () => {
    const s = new StablePrefix()
    for (const text of ['one', 'one two', 'one two three', 'one two three four']) {
      const { stable, unstable } = s.update(timed(text), Infinity)
      expect([stable, unstable].filter(Boolean).join(' ')).toBe(text)
    }
  })

  it('starts over after reset', () => {
    const s = new StablePrefix()
    s.update(timed('x y z'), Infinity)
    s.update(timed('x y z w'), Infinity)
    s.reset()
    expect(s.update(timed('q'), Infinity)).toEqual({ stable: '', unstable: 'q' })
  })
})
