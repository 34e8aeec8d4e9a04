import { describe, expect, it } from 'vitest'
import { withSpeedCopies } from './speed-perturbation'

const RATE = 16000

function sine(hz: number, seconds: number): Float32Array {
  return Float32Array.from({ length: Math.round(RATE * seconds) }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / RATE))
}

/** Frequency of a clean tone from its upward zero crossings. */
function toneHz(pcm: Float32Array): number {
  let crossings = 0
  for (let i = 1; i < pcm.length; i++) if (pcm[i - 1]! < 0 && pcm[i]! >= 0) crossings++
  return (crossings * RATE) / pcm.length
}

describe('withSpeedCopies', () => {
  it('keeps the originals first and adds one faster/slower copy per factor, pitch moving with speed', async () => {
    const original = { name: 'a', text: 'hello', pcm: sine(400, 1) }
    const [first, slow, fast, ...rest] = await withSpeedCopies([original], [0.9, 1, 1.1])
    expect(rest).toHaveLength(0)
    expect(first).toBe(original)
    expect(slow!.name).toBe('a@0.9')
    expect(slow!.text).toBe('hello')
    expect(slow!.pcm.length / RATE).toBeCloseTo(1 / 0.9, 1)
    expect(fast!.pcm.length / RATE).toBeCloseTo(1 / 1.1, 1)
    expect(toneHz(slow!.pcm)).toBeCloseTo(360, -1)
    expect(toneHz(fast!.pcm)).toBeCloseTo(440, -1)
  })
})
