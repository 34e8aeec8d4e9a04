import type { Rng } from '../util/rng'
import { colouredNoise, scaleToPeak, type ColouredNoise } from './noise'
import { SAMPLE_RATE } from './wav'

/** What a non-speech clip is made of; every clip's transcript is empty. */
export type NonSpeechKind = ColouredNoise | 'hum' | 'clicks' | 'bursts' | 'room'

export const NON_SPEECH_KINDS: readonly NonSpeechKind[] = ['white', 'pink', 'brown', 'hum', 'clicks', 'bursts', 'room']

/** Mains hum: 50 or 60 Hz with decaying harmonics and a little jitter. */
function hum(length: number, rng: Rng): Float32Array {
  const base = rng.pick([50, 60])
  const phases = [1, 2, 3, 4, 5].map(() => rng.uniform(0, 2 * Math.PI))
  return Float32Array.from({ length }, (_, i) => phases.reduce((sum, phase, h) => sum + Math.sin((2 * Math.PI * base * (h + 1) * i) / SAMPLE_RATE + phase) / (h + 1) ** 1.5, 0))
}

/** Sparse decaying impulses (keyboard, taps) over faint noise. */
function clicks(length: number, rng: Rng): Float32Array {
  const out = colouredNoise('white', length, rng).map((x) => x * 0.002)
  for (let at = rng.int(0, 4000); at < length; at += rng.int(1500, 9000)) {
    const decay = rng.uniform(0.0005, 0.003)
    for (let k = 0; k < 800 && at + k < length; k++) out[at + k] = (out[at + k] as number) + rng.gaussian() * Math.exp(-k * decay * 10)
  }
  return out
}

/** Noise switched on and off in 0.1-0.8 s bursts: what opens a voice-activity detector without being speech. */
function bursts(length: number, rng: Rng): Float32Array {
  const noise = colouredNoise(rng.pick(['white', 'pink', 'brown']), length, rng)
  let on = rng.chance(0.5)
  let left = 0
  return noise.map((x) => {
    if (left-- <= 0) {
      on = !on
      left = rng.int(0.1 * SAMPLE_RATE, 0.8 * SAMPLE_RATE)
    }
    return on ? x : x * 0.01
  })
}

/** A quiet room: brown noise with a faint hum. */
function room(length: number, rng: Rng): Float32Array {
  const h = hum(length, rng)
  return colouredNoise('brown', length, rng).map((x, i) => x + 0.05 * (h[i] as number))
}

/** One non-speech clip of `seconds`, its peak level drawn between -45 and -6 dBFS. */
export function nonSpeechClip(kind: NonSpeechKind, seconds: number, rng: Rng): Float32Array {
  const length = Math.round(seconds * SAMPLE_RATE)
  const raw = kind === 'hum' ? hum(length, rng) : kind === 'clicks' ? clicks(length, rng) : kind === 'bursts' ? bursts(length, rng) : kind === 'room' ? room(length, rng) : colouredNoise(kind, length, rng)
  return scaleToPeak(raw, rng.uniform(-45, -6))
}
