import { describe, expect, it } from 'vitest'
import { snapToVoicing } from './snap-to-voicing'

const word = (w: string, start: number, end: number) => ({ word: w, start, end, confidence: 0.9 })
/** Frame energies: quiet (-10) except the voiced [from, to) frame ranges (0). */
function energies(frames: number, voiced: [number, number][]): Float32Array {
  const e = new Float32Array(frames).fill(-10)
  for (const [from, to] of voiced) e.fill(0, from, to)
  return e
}

describe('snapToVoicing', () => {
  it('moves CTC times onto the voiced frames: an early end forward, a late start back, silence trimmed', () => {
    const e = energies(200, [[20, 60], [100, 150]])
    const words = snapToVoicing([word('one', 0.16, 0.48), word('two', 1.08, 1.3)], e, 0.01)
    expect(words.map((w) => [w.start, w.end].map((x) => +x.toFixed(2)))).toEqual([[0.2, 0.6], [1.0, 1.5]])
  })

  it('never moves a boundary past a neighbouring word or by more than the bounds', () => {
    const e = energies(300, [[40, 300]]) // continuous voicing from 0.4 s: nothing to snap to
    const words = snapToVoicing([word('a', 1.0, 1.2), word('b', 1.3, 1.5)], e, 0.01)
    expect(words[0]!.start).toBeCloseTo(0.85, 5) // at most 150 ms earlier
    expect(words[0]!.end).toBeCloseTo(1.3, 5) // up to the next word's start, not beyond
    expect(words[1]!.start).toBeGreaterThanOrEqual(words[0]!.end - 1e-9)
    expect(words[1]!.end).toBeCloseTo(1.8, 5) // at most 300 ms later
  })

  it('keeps words and confidences, and copes with no audio', () => {
    expect(snapToVoicing([word('x', 0, 0.1)], new Float32Array(0), 0.01)).toEqual([word('x', 0, 0.1)])
    expect(snapToVoicing([word('x', 0.05, 0.1)], energies(30, [[2, 20]]), 0.01)[0]).toMatchObject({ word: 'x', confidence: 0.9 })
  })
})
