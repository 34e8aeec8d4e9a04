import { describe, expect, it } from 'vitest'
import { selectPrompts } from './select-prompts'

const s = (text: string): { text: string; display: string } => ({ text, display: text })

describe('selectPrompts', () => {
  it('prefers sentences that add unseen character trigrams and never repeats one', () => {
    const chosen = selectPrompts([s('the cat sat'), s('the cat sat'), s('the cat sat on the mat'), s('quick brown fox jumps')], 3)
    expect(chosen.map((c) => c.text)).toEqual(['the cat sat', 'quick brown fox jumps', 'the cat sat on the mat']) // the superset adds the fewest new trigrams
  })
})
