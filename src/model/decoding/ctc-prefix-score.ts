/** CTC log posteriors of one utterance: data[t·vocab + k] = log p(k | frame t), valid frames only. */
export interface CtcPosteriors {
  data: Float32Array
  frames: number
  vocab: number
}

/**
 * Forward variables of one prefix g over all frames (Watanabe et al. 2017, Algorithm 2), in the scorer's scaled
 * linear domain: nonBlank[t] = p(g, last label emitted at frame t | x_1..t) / e^{scale[t]}, blank[t] the same ending
 * in blank at t.
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

/** Past this the running prefix sum is folded into its log offset (far from overflow even after a ×vocab frame). */
const RESCALE_ABOVE = 1e250

/**
 * CTC prefix scores over the encoder frames: extends a prefix by several candidate labels at once, each by the
 * forward recursion (the dynamic-programming half of joint CTC/attention decoding). `eos` scores the prefix as a
 * complete transcript: log p_ctc(g | x).
 *
 * The recursion runs on probabilities, not logs (a multiply-add per frame where log space needs three
 * log-add-exps): frame t's probabilities are divided by its largest, scale[t] = Σ_{τ≤t} log max_k p(k | τ) keeps
 * the running product, so the forward variables stay within a few hundred nats of 1 for any prefix the beam
 * keeps. A prefix more than ~700 nats less likely than the frames' best path underflows to impossible; with
 * near-flat posteriors (an untrained model) the path counts could overflow past ~600 encoder steps (24 s), more
 * than the 20 s pieces files and dictation segments are cut into.
 */
export class CtcPrefixScorer {
  /** p(k | t) / max_k p(k | t) [frames, vocab]. */
  private readonly scaled: Float64Array
  /** Cumulative log of the per-frame maxima [frames]. */
  private readonly scale: Float64Array
  /** 1 / max_k p(k | t) = e^{scale[t-1] - scale[t]} [frames]. */
  private readonly growth: Float64Array

  constructor(readonly posteriors: CtcPosteriors, readonly blank: number, readonly eos: number) {
    const { data, frames, vocab } = posteriors
    this.scaled = new Float64Array(frames * vocab)
    this.scale = new Float64Array(frames)
    this.growth = new Float64Array(frames)
    let sum = 0
    for (let t = 0; t < frames; t++) {
      let max = -Infinity
      for (let k = 0; k < vocab; k++) max = Math.max(max, data[t * vocab + k]!)
      for (let k = 0; k < vocab; k++) this.scaled[t * vocab + k] = Math.exp(data[t * vocab + k]! - max)
      this.scale[t] = sum += max
      this.growth[t] = Math.exp(-max)
    }
  }

  /** The empty prefix: no labels, blanks only (ψ = log 1). */
  initial(): CtcPrefixState {
    const { frames, vocab } = this.posteriors
    const blank = new Float64Array(frames)
    let product = 1
    for (let t = 0; t < frames; t++) blank[t] = product *= this.scaled[t * vocab + this.blank]!
    return { nonBlank: new Float64Array(frames), blank, prefix: 0, last: -1, length: 0 }
  }

  /** The states of g + c for each candidate c (labels other than blank; `eos` ends the prefix). */
  extend(g: CtcPrefixState, candidates: readonly number[]): CtcPrefixState[] {
    const { frames, vocab } = this.posteriors
    const { scaled, scale, growth } = this
    const count = candidates.length
    const nonBlank = new Float64Array(count * frames)
    const blank = new Float64Array(count * frames)
    const start = Math.max(g.length, 1)
    // φ_t: mass from which label c can start at t + 1; a repeated label must be separated by a blank.
    const phiAll = new Float64Array(frames)
    for (let t = 0; t < frames; t++) phiAll[t] = g.nonBlank[t]! + g.blank[t]!
    const labels = candidates.map((c) => (c === this.eos ? -1 : c))
    // ψ(g + c) so far = sum[i] · e^{offset[i] + scale[t]}; `weight` = e^{-offset} scales new terms.
    const sum = new Float64Array(count)
    const offset = new Float64Array(count)
    const weight = new Float64Array(count).fill(1)
    labels.forEach((c, i) => {
      if (c >= 0 && g.length === 0) sum[i] = nonBlank[i * frames] = scaled[c]!
    })
    for (let t = start; t < frames; t++) {
      const row = t * vocab
      const yBlank = scaled[row + this.blank]!
      const grow = growth[t]!
      for (let i = 0; i < count; i++) {
        const c = labels[i]!
        if (c < 0) continue
        const at = i * frames + t
        const phi = c === g.last ? g.blank[t - 1]! : phiAll[t - 1]!
        const y = scaled[row + c]!
        nonBlank[at] = (nonBlank[at - 1]! + phi) * y
        blank[at] = (blank[at - 1]! + nonBlank[at - 1]!) * yBlank
        const s = (sum[i] = sum[i]! * grow + phi * y * weight[i]!)
        if (s > RESCALE_ABOVE) {
          offset[i]! += Math.log(s)
          weight[i]! /= s
          sum[i] = 1
        }
      }
    }
    return labels.map((c, i) => ({
      nonBlank: nonBlank.subarray(i * frames, (i + 1) * frames),
      blank: blank.subarray(i * frames, (i + 1) * frames),
      // a prefix longer than the frames allow kept sum = 0: log 0 = -Infinity
      prefix: (c < 0 ? Math.log(phiAll[frames - 1]!) : Math.log(sum[i]!) + offset[i]!) + scale[frames - 1]!,
      last: candidates[i]!,
      length: g.length + 1
    }))
  }
}
