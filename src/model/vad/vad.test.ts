import { describe, expect, it } from 'vitest'
import { segmentSpeech, StreamingVad } from './vad'

/** Energies (log units) of quiet noise with bursts of "speech" 4 nats louder at the given frame ranges. */
function energies(frames: number, bursts: Array<[number, number]>, noise = -2, seed = 1): Float32Array {
  let state = seed
  const rand = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5
  const out = new Float32Array(frames)
  for (let t = 0; t < frames; t++) out[t] = noise + 0.6 * rand() + (bursts.some(([a, b]) => t >= a && t < b) ? 4 : 0)
  return out
}

describe('voice activity detection', () => {
  it('finds each burst once, padded, and nothing in steady noise', () => {
    const segments = segmentSpeech(energies(1000, [[100, 250], [500, 620]]))
    expect(segments).toHaveLength(2)
    expect(segments[0]!.start).toBeLessThanOrEqual(100)
    expect(segments[0]!.end).toBeGreaterThanOrEqual(250)
    expect(segments[1]!.start).toBeLessThanOrEqual(500)
    expect(segments[1]!.start).toBeGreaterThan(250)
    expect(segmentSpeech(energies(2000, []))).toEqual([])
  })

  it('learns a loud but steady noise as floor', () => {
    expect(segmentSpeech(energies(2000, [], 3))).toEqual([])
  })

  it('gives the same segments fed in chunks as in one go', () => {
    const e = energies(1500, [[50, 300], [400, 410], [700, 1000]])
    const vad = new StreamingVad()
    const chunked = []
    for (let i = 0; i < e.length; i += 37) chunked.push(...vad.push(e.subarray(i, i + 37)))
    const last = vad.flush()
    if (last) chunked.push(last)
    expect(chunked).toEqual(segmentSpeech(e))
  })

  it('closes a long segment at a short pause that would not end a short one', () => {
    // 200-frame phrases with 25-frame pauses: shorter than the 450 ms endpoint, longer than the long-segment one.
    const phrases: Array<[number, number]> = Array.from({ length: 8 }, (_, i) => [50 + 225 * i, 250 + 225 * i])
    const segments = segmentSpeech(energies(2200, phrases))
    expect(segments.length).toBeGreaterThanOrEqual(2)
    for (const s of segments.slice(0, -1)) {
      expect(s.end - s.start).toBeGreaterThanOrEqual(600)
      expect(s.end - s.start).toBeLessThan(1000)
      expect(phrases.some(([, end]) => s.end >= end && s.end <= end + 25)).toBe(true) // in a pause, not mid-phrase
    }
  })

  it('cuts speech longer than the maximum segment', () => {
    const segments = segmentSpeech(energies(5000, [[10, 4900]]))
    expect(segments.length).toBeGreaterThanOrEqual(2)
    for (const s of segments) expect(s.end - s.start).toBeLessThanOrEqual(2000)
  })
})
