import type { Rng } from '../util/rng'
import type { ColouredNoise } from './noise'

export type NoiseKind = ColouredNoise | 'babble'

/** Everything done to a TTS waveform after synthesis; plain data so it can be hashed into the file name. */
export interface Augmentation {
  /** Time-stretch factor without pitch change (sox tempo); 1 = none. */
  tempo: number
  /** Pitch shift in cents (sox pitch); 0 = none. */
  pitchCents: number
  reverb?: { reverberance: number; roomScale: number }
  /** Telephone band (300-3400 Hz). */
  telephone: boolean
  noise?: { kind: NoiseKind; snrDb: number }
  /** Silence added before and after, seconds. */
  pad: [number, number]
  /** Final absolute peak level, dBFS. */
  peakDb: number
}

export const CLEAN: Augmentation = { tempo: 1, pitchCents: 0, telephone: false, pad: [0.1, 0.1], peakDb: -1 }

const NOISE_KINDS: readonly NoiseKind[] = ['white', 'pink', 'brown', 'babble', 'babble']
const round = (x: number, places = 2): number => Number(x.toFixed(places))

export function sampleAugmentation(rng: Rng): Augmentation {
  return {
    tempo: rng.chance(0.5) ? round(rng.uniform(0.9, 1.1)) : 1,
    pitchCents: rng.chance(0.4) ? Math.round(rng.uniform(-250, 250)) : 0,
    ...(rng.chance(0.3) ? { reverb: { reverberance: Math.round(rng.uniform(10, 60)), roomScale: Math.round(rng.uniform(10, 80)) } } : {}),
    telephone: rng.chance(0.15),
    ...(rng.chance(0.6) ? { noise: { kind: rng.pick(NOISE_KINDS), snrDb: round(rng.uniform(10, 30), 1) } } : {}),
    pad: [round(rng.uniform(0.05, 0.5)), round(rng.uniform(0.05, 0.5))],
    peakDb: round(rng.uniform(-20, -1), 1)
  }
}

/** The sox effects chain for everything but noise and final gain (those are mixed in JS). */
export function soxEffects(a: Augmentation): string[] {
  const fx: string[] = []
  if (a.tempo !== 1) fx.push('tempo', '-s', String(a.tempo))
  if (a.pitchCents !== 0) fx.push('pitch', String(a.pitchCents))
  if (a.reverb) fx.push('reverb', String(a.reverb.reverberance), '50', String(a.reverb.roomScale))
  if (a.telephone) fx.push('sinc', '300-3400')
  fx.push('pad', String(a.pad[0]), String(a.pad[1]))
  return fx
}
