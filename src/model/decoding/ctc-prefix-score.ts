import { logAddExp } from './log-math'

/** CTC log posteriors of one utterance: data[t·vocab + k] = log p(k | frame t), valid frames only. */
export interface CtcPosteriors {
  data: Float32Array
  frames: number
  vocab: number
}

/**
 * Forward variables of one prefix g over all frames (Watanabe et al. 2017, Algorithm 2):
 * nonBlank[t] = log p(g, last label emitted at frame t | x_1..t), blank[t] = the same ending in blank at t.
 */
export interface CtcPrefixState {
  nonBlank: Float64Array
  blank: Float64Array
  /** log of the CTC prefix probability ψ(g) = Σ over paths that emit g and then anything. */
  prefix: number
  /** Last label of g (-1 for the empty prefix). */
  last: number
  length: number
}

/**
 * CTC prefix scores over the encoder frames: extends a prefix by several candidate labels at once, each by the
 * forward recursion in log space (the dynamic-programming half of joint CTC/attention decoding). `eos` scores
 * the prefix as a complete transcript: log p_ctc(g | x).
 */
export class CtcPrefixScorer {
  constructor(readonly posteriors: CtcPosteriors, readonly blank: number, readonly eos: number) {}

  /** The empty prefix: no labels, blanks only (ψ = log 1). */
  initial(): CtcPrefixState {
    const { data, frames, vocab } = this.posteriors
    const nonBlank = new Float64Array(frames).fill(-Infinity)
    const blank = new Float64Array(frames)
    let sum = 0
    for (let t = 0; t < frames; t++) blank[t] = sum += data[t * vocab + this.blank]!
    return { nonBlank, blank, prefix: 0, last: -1, length: 0 }
  }

  /** The states of g + c for each candidate c (labels other than blank; `eos` ends the prefix). */
  extend(g: CtcPrefixState, candidates: readonly number[]): CtcPrefixState[] {
    const { data, frames, vocab } = this.posteriors
    const count = candidates.length
    const nonBlank = new Float64Array(count * frames).fill(-Infinity)
    const blank = new Float64Array(count * frames).fill(-Infinity)
    const prefix = new Float64Array(count).fill(-Infinity)
    const start = Math.max(g.length, 1)
    // φ_t: mass from which label c can start at t + 1; a repeated label must be separated by a blank.
    const phiAll = new Float64Array(frames)
    for (let t = 0; t < frames; t++) phiAll[t] = logAddExp(g.nonBlank[t]!, g.blank[t]!)
    const labels = candidates.map((c) => (c === this.eos ? -1 : c))
    labels.forEach((c, i) => {
      if (c >= 0 && g.length === 0) nonBlank[i * frames] = data[c]!
      if (c >= 0 && start <= frames) prefix[i] = nonBlank[i * frames + start - 1]!
    })
    for (let t = start; t < frames; t++) {
      const row = t * vocab
      const yBlank = data[row + this.blank]!
      for (let i = 0; i < count; i++) {
        const c = labels[i]!
        if (c < 0) continue
        const at = i * frames + t
        const phi = c === g.last ? g.blank[t - 1]! : phiAll[t - 1]!
        const y = data[row + c]!
        nonBlank[at] = logAddExp(nonBlank[at - 1]!, phi) + y
        blank[at] = logAddExp(blank[at - 1]!, nonBlank[at - 1]!) + yBlank
        prefix[i] = logAddExp(prefix[i]!, phi + y)
      }
    }
    return labels.map((c, i) => ({
      nonBlank: nonBlank.subarray(i * frames, (i + 1) * frames),
      blank: blank.subarray(i * frames, (i + 1) * frames),
      prefix: c < 0 ? phiAll[frames - 1]! : prefix[i]!,
      last: candidates[i]!,
      length: g.length + 1
    }))
  }
}
