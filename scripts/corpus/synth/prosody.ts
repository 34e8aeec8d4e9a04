import type { Rng } from '../util/rng'

/** How a voice is asked to speak. Neutral is { rate: 1, pitch: 1, wordGap: 0 }. */
export interface Prosody {
  /** Speaking-rate factor (> 1 is faster). */
  rate: number
  /** Pitch factor on the voice's usual f0 (> 1 is higher). */
  pitch: number
  /** Extra pause between words in units of 10 ms (espeak-ng only). */
  wordGap: number
}

export const NEUTRAL_PROSODY: Prosody = { rate: 1, pitch: 1, wordGap: 0 }

const round = (x: number, places: number): number => Number(x.toFixed(places))

export function sampleProsody(rng: Rng): Prosody {
  return {
    rate: round(rng.uniform(0.85, 1.2), 2),
    pitch: round(rng.uniform(0.85, 1.15), 2),
    wordGap: rng.chance(0.3) ? rng.int(1, 4) : 0
  }
}
