import { describe, expect, it } from 'vitest'
import { StablePrefix } from './stable-prefix'

describe('StablePrefix', () => {
  it('marks words stable once two partials agree, never the last word', () => {
    const s = new StablePrefix()
    expect(s.update('the')).toEqual({ stable: '', unstable: 'the' })
    expect(s.update('the cap')).toEqual({ stable: 'the', unstable: 'cap' })
    expect(s.update('the cat sat')).toEqual({ stable: 'the', unstable: 'cat sat' })
    expect(s.update('the cat sat on')).toEqual({ stable: 'the cat sat', unstable: 'on' })
  })

  it('never takes stable words back when a later partial disagrees', () => {
    const s = new StablePrefix()
    s.update('a big')
    expect(s.update('a big dog').stable).toBe('a big')
    // The recogniser changes its mind about "big": the shown stable words stay, the tail follows the new partial.
    expect(s.update('a pig dog ran')).toEqual({ stable: 'a big', unstable: 'dog ran' })
    expect(s.update('a pig dog ran far').stable).toBe('a big')
  })

  it('concatenating stable and unstable reproduces an agreeing partial', () => {
    const s = new StablePrefix()
    for (const text of ['one', 'one two', 'one two three', 'one two three four']) {
      const { stable, unstable } = s.update(text)
      expect([stable, unstable].filter(Boolean).join(' ')).toBe(text)
    }
  })

  it('starts over after reset', () => {
    const s = new StablePrefix()
    s.update('x y z')
    s.update('x y z w')
    s.reset()
    expect(s.update('q')).toEqual({ stable: '', unstable: 'q' })
  })
})
