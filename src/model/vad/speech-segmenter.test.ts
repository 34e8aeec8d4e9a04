import { describe, expect, it } from 'vitest'
import { SpeechSegmenter } from './speech-segmenter'
import { segmentSpeech } from './vad'
import { frameEnergies } from '../features/frame-energy'

const DIM = 4

/** Log-mel-like frames: quiet noise with bursts 3 nats louder per band; frame t's first band also encodes t. */
function frames(count: number, bursts: Array<[number, number]>, seed = 3): Float32Array {
  let state = seed
  const rand = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5
  const out = new Float32Array(count * DIM)
  for (let t = 0; t < count; t++) {
    const loud = bursts.some(([a, b]) => t >= a && t < b) ? 3 : 0
    for (let d = 0; d < DIM; d++) out[t * DIM + d] = -3 + 0.5 * rand() + loud + (d === 0 ? t * 1e-4 : 0)
  }
  return out
}

describe('SpeechSegmenter', () => {
  it('finds the VAD segments of the whole recording when fed in chunks, each with its own frames', () => {
    const all = frames(6000, [[100, 400], [800, 3500], [3700, 3760], [5000, 5990]])
    const segmenter = new SpeechSegmenter(DIM)
    const found = []
    for (let t = 0; t < 6000; t += 37) found.push(...segmenter.push(all.subarray(t * DIM, Math.min(6000, t + 37) * DIM)))
    found.push(...segmenter.flush())
    expect(found.map(({ start, end }) => ({ start, end }))).toEqual(segmentSpeech(frameEnergies(all, DIM)))
    for (const s of found) {
      expect(s.end - s.start).toBeLessThanOrEqual(2000)
      expect(s.feats.frames).toBe(s.end - s.start)
      expect(s.feats.data).toEqual(all.subarray(s.start * DIM, s.end * DIM))
    }
  })
})
