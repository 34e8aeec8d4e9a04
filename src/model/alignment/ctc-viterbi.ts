import type { CtcPosteriors } from '../decoding/ctc-prefix-score'

/** The encoder steps one label occupies on an alignment, and how sure the posteriors are of it there. */
export interface TokenSpan {
  /** First and last encoder step (inclusive). */
  first: number
  last: number
  /** Highest posterior of the label over its steps (its CTC spike). */
  posterior: number
}

/**
 * CTC forced alignment: the single most probable path (Viterbi, log space) that emits exactly `labels`
 * through the blank-interleaved label sequence, and the steps it gives each label.
 * @param labels token ids, no blanks
 * @returns one span per label, or null when the labels cannot fit in the frames
 */
export function ctcViterbi(posteriors: CtcPosteriors, labels: readonly number[], blank: number): TokenSpan[] | null {
  const { data, frames, vocab } = posteriors
  const S = 2 * labels.length + 1
  if (frames === 0 || labels.length === 0) return frames === 0 && labels.length > 0 ? null : []
  const ext = Int32Array.from({ length: S }, (_, s) => (s % 2 === 0 ? blank : labels[(s - 1) >> 1]!))
  const score = new Float64Array(frames * S).fill(-Infinity)
  const back = new Uint8Array(frames * S) // how many states the path moved (0, 1 or 2) to reach (t, s)
  score[0] = data[ext[0]!]!
  score[1] = data[ext[1]!]!
  for (let t = 1; t < frames; t++) {
    for (let s = 0; s < S; s++) {
      const prev = (t - 1) * S + s
      let best = score[prev]!
      let move = 0
      if (s >= 1 && score[prev - 1]! > best) [best, move] = [score[prev - 1]!, 1]
      if (s >= 2 && ext[s] !== blank && ext[s] !== ext[s - 2] && score[prev - 2]! > best) [best, move] = [score[prev - 2]!, 2]
      score[t * S + s] = best + data[t * vocab + ext[s]!]!
      back[t * S + s] = move
    }
  }
  const last = (frames - 1) * S
  let s = score[last + S - 1]! >= score[last + S - 2]! ? S - 1 : S - 2
  if (score[last + s] === -Infinity) return null
  const spans: TokenSpan[] = labels.map(() => ({ first: -1, last: -1, posterior: 0 }))
  for (let t = frames - 1; t >= 0; t--) {
    if (s % 2 === 1) {
      const span = spans[(s - 1) >> 1]!
      if (span.last < 0) span.last = t
      span.first = t
      span.posterior = Math.max(span.posterior, Math.exp(data[t * vocab + ext[s]!]!))
    }
    s -= back[t * S + s]!
  }
  return spans
}
