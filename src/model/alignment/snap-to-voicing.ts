import type { WordTiming } from '../../shared/transcript'
import { DEFAULT_VAD } from '../vad/vad'

/** Longest moves: a word start earlier by 150 ms, a word end later by 300 ms (CTC spikes trail onsets and fire before ends). */
const MAX_EARLIER_FRAMES = 15
const MAX_LATER_FRAMES = 30
/** Longest trim of silence inside a word's span, at either end (quiet consonants must not be cut away). */
const MAX_TRIM_FRAMES = 15

/**
 * Refines CTC word times (40 ms steps, spikes that fire early in a word's last character) with 10 ms frame
 * energies: a start that falls in silence moves to the first voiced frame, one in voice moves back to where that
 * voicing began; an end moves forward to where its voicing stops (or back out of trailing silence). Every move is
 * bounded (150 ms; 300 ms for extending an end) and never crosses the neighbouring words. Voiced: above the utterance's quiet level (10th percentile
 * energy) by the VAD's threshold.
 * @param energies per-frame log energies of the utterance (frameEnergies)
 */
export function snapToVoicing(words: readonly WordTiming[], energies: ArrayLike<number>, frameSeconds: number): WordTiming[] {
  const n = energies.length
  if (n === 0 || words.length === 0) return [...words]
  const sorted = Array.from(energies).sort((a, b) => a - b)
  const threshold = sorted[Math.floor(0.1 * (n - 1))]! + DEFAULT_VAD.thresholdAboveFloor
  const voiced = (t: number): boolean => t >= 0 && t < n && energies[t]! > threshold
  const out: WordTiming[] = []
  words.forEach((word, i) => {
    const floor = i === 0 ? 0 : Math.round(out[i - 1]!.end / frameSeconds)
    const ceiling = i + 1 < words.length ? Math.round(words[i + 1]!.start / frameSeconds) : n
    const limit = Math.min(ceiling, n) // frames of this word are < limit
    let start = Math.max(floor, Math.min(n - 1, Math.round(word.start / frameSeconds)))
    let last = Math.max(start, Math.min(Math.round(word.end / frameSeconds) - 1, limit - 1))
    if (voiced(start)) {
      for (let k = 0; k < MAX_EARLIER_FRAMES && start - 1 >= floor && voiced(start - 1); k++) start--
    } else {
      for (let k = 0; k < MAX_TRIM_FRAMES && start < last && !voiced(start); k++) start++
    }
    if (voiced(last)) {
      for (let k = 0; k < MAX_LATER_FRAMES && last + 1 < limit && voiced(last + 1); k++) last++
    } else {
      for (let k = 0; k < MAX_TRIM_FRAMES && last > start && !voiced(last); k++) last--
    }
    out.push({ ...word, start: start * frameSeconds, end: (last + 1) * frameSeconds })
  })
  return out
}
