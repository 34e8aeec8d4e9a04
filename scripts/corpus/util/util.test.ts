import { describe, expect, it } from 'vitest'
import { hashFraction, shortHash } from './hash'
import { runPool } from './pool'
import { createRng } from './rng'

describe('rng and hash', () => {
  it('a seed fixes the sequence', () => {
    const a = createRng(7)
    const b = createRng(7)
    const xs = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
    expect(createRng(8).next()).not.toBe(xs[0])
    expect(createRng(1).shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5])
  })

  it('hash fractions are stable and spread out', () => {
    expect(shortHash('x')).toBe(shortHash('x'))
    const fractions = Array.from({ length: 4000 }, (_, i) => hashFraction(`speaker:${i.toString(16)}`))
    const share = fractions.filter((f) => f < 0.15).length / fractions.length
    expect(share).toBeGreaterThan(0.12)
    expect(share).toBeLessThan(0.18)
  })
})

describe('runPool', () => {
  it('never runs more than `jobs` at once and reports the first failure', async () => {
    let active = 0
    let peak = 0
    await runPool([1, 2, 3, 4, 5], 2, async () => {
      peak = Math.max(peak, ++active)
      await new Promise((r) => setTimeout(r, 5))
      active--
    })
    expect(peak).toBe(2)
    await expect(runPool([1, 2], 2, async (x) => {
      if (x === 2) throw new Error('boom')
    })).rejects.toThrow('boom')
  })
})
