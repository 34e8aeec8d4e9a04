import type { FeatureMatrix } from './feature-config'
import { frameEnergies } from './frame-energy'

/**
 * Input-level normalisation: every utterance's raw log-mel is scaled, as if its audio had been amplified, so that
 * its speech level sits at the level the model was trained at. Why: the training voices sit within about ±10 dB of
 * one level, while a quiet microphone (or FSDD's speaker theo, ~20 dB below it) reaches the model far outside that
 * range, where s2s-en 0.1.18500 misread theo's digits at 29% WER against 6% with his audio peak-normalised first.
 * Levels are natural-log power units, like frameEnergies (ln 10 ≈ 2.3 per 10 dB).
 */
export interface InputLevel {
  /** The training set's median utterance level (see utteranceLevel). */
  target: number
}

/**
 * Most an utterance is amplified (30 dB) or attenuated (20 dB), so near-digital silence is not raised all the way to
 * speech level. Quiet noise that is raised (clicks, bursts) the model learns to ignore: training normalises it too.
 */
const MAX_BOOST = 6.9
const MAX_CUT = 4.6
/** The utterance level is this quantile of its frame energies: its loud (voiced) frames, not pauses or one click. */
const LEVEL_QUANTILE = 0.9

/** The speech level of raw log-mel [frames, dim]: the 90th percentile of its frame energies; -Infinity when empty. */
export function utteranceLevel(feats: FeatureMatrix): number {
  const energies = frameEnergies(feats.data.subarray(0, feats.frames * feats.dim), feats.dim).sort()
  return energies.length === 0 ? -Infinity : energies[Math.floor(LEVEL_QUANTILE * (energies.length - 1))]!
}

/** The target of a training set: the median level of its utterances. */
export function inputLevelOf(utterances: readonly FeatureMatrix[]): InputLevel {
  const levels = utterances.map(utteranceLevel).filter(Number.isFinite).sort((a, b) => a - b)
  if (levels.length === 0) throw new Error('input level: no frames to measure')
  return { target: levels[Math.floor((levels.length - 1) / 2)]! }
}

/** The log-power gain that brings an utterance at `level` to `target`, within the boost and cut limits. */
export function levelGain(level: number, target: number): number {
  return Number.isFinite(level) ? Math.min(MAX_BOOST, Math.max(-MAX_CUT, target - level)) : 0
}

/**
 * Raw log-mel value v = log(energy + logFloor) of audio amplified by `gain` (log-power units): exactly
 * log(e^gain · energy + logFloor), so bands with no energy stay at the floor as they would for louder audio.
 */
export function amplifier(gain: number, logFloor: number): (value: number) => number {
  const scale = Math.exp(gain)
  return (value) => Math.log(scale * Math.max(0, Math.exp(value) - logFloor) + logFloor)
}
