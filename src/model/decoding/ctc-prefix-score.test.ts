import { describe, expect, it } from 'vitest'
import { ctcForwardBackward } from '../loss/ctc-forward-backward'
import { CtcPrefixScorer, type CtcPosteriors, type CtcPrefixState } from './ctc-prefix-score'
import { logAddExp } from './log-math'

const BLANK = 1
/** The end marker is no CTC class here, so that every class can be a label. */
const EOS = 9
const VOCAB = 9

/** Seeded uniform logits [frames, VOCAB] and their row-wise log-softmax. */
function randomLogits(frames: number, seed: number, spread = 6): { logits: Float64Array; posteriors: CtcPosteriors } {
  let s = seed
  const logits = Float64Array.from({ length: frames * VOCAB }, () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * spread)
  const data = new Float32Array(frames * VOCAB)
  for (let t = 0; t < frames; t++) {
    const row = logits.subarray(t * VOCAB, (t + 1) * VOCAB)
    const lse = row.reduce((acc, x) => logAddExp(acc, x), -Infinity)
    row.forEach((x, k) => (data[t * VOCAB + k] = x - lse))
  }
  return { logits, posteriors: { data, frames, vocab: VOCAB } }
}

function prefixOf(scorer: CtcPrefixScorer, labels: readonly number[]): CtcPrefixState {
  return labels.reduce((g, c) => scorer.extend(g, [c])[0]!, scorer.initial())
}

describe('CTC prefix scores', () => {
  it('score a complete sequence (prefix + eos) as the CTC loss forward probability, repeats included', () => {
    for (const [frames, labels] of [[20, [4, 4, 5, 6, 4]], [12, [7]], [9, [5, 6, 5, 6, 5]], [30, [8, 8, 8, 4, 4, 2]]] as const) {
      const { logits, posteriors } = randomLogits(frames, frames * 7 + labels.length)
      const scorer = new CtcPrefixScorer(posteriors, BLANK, EOS)
      const complete = scorer.extend(prefixOf(scorer, labels), [EOS])[0]!
      const { loss } = ctcForwardBackward(logits, 0, frames, VOCAB, labels, BLANK)
      expect(complete.prefix).toBeCloseTo(-loss, 3)
    }
  })

  it('stay exact over many frames of nearly flat posteriors, whose path sums outgrow any fixed scale', () => {
    const frames = 600
    const { logits, posteriors } = randomLogits(frames, 17, 0.2)
    const scorer = new CtcPrefixScorer(posteriors, BLANK, EOS)
    const labels = [4, 5, 5, 6, 2, 8, 3]
    const g = prefixOf(scorer, labels)
    const { loss } = ctcForwardBackward(logits, 0, frames, VOCAB, labels, BLANK)
    expect(scorer.extend(g, [EOS])[0]!.prefix).toBeCloseTo(-loss, 4)
    const candidates = [EOS, 0, 2, 3, 4, 5, 6, 7, 8]
    const extensions = scorer.extend(g, candidates)
    for (const h of extensions) expect(h.prefix).toBeLessThan(g.prefix) // finite: no sum overflowed
    expect(extensions.reduce((acc, h) => logAddExp(acc, h.prefix), -Infinity)).toBeCloseTo(g.prefix, 4)
  })

  it('split a prefix into its completion and all one-label extensions: ψ(g) = p(g) + Σ_c ψ(g·c)', () => {
    const { posteriors } = randomLogits(15, 3)
    const scorer = new CtcPrefixScorer(posteriors, BLANK, EOS)
    for (const labels of [[], [4], [4, 4], [5, 6, 7]]) {
      const g = prefixOf(scorer, labels)
      const candidates = [EOS, 0, 2, 3, 4, 5, 6, 7, 8] // every class but blank
      const total = scorer.extend(g, candidates).reduce((acc, h) => logAddExp(acc, h.prefix), -Infinity)
      expect(total).toBeCloseTo(g.prefix, 4)
    }
  })

  it('scores candidates independently of which others are scored with them', () => {
    const { posteriors } = randomLogits(10, 11)
    const scorer = new CtcPrefixScorer(posteriors, BLANK, EOS)
    const g = prefixOf(scorer, [4, 5])
    const together = scorer.extend(g, [5, EOS, 6]).map((h) => h.prefix)
    const alone = [5, EOS, 6].map((c) => scorer.extend(g, [c])[0]!.prefix)
    expect(together).toEqual(alone)
  })

  it('gives -Infinity to prefixes longer than the frames allow', () => {
    const { posteriors } = randomLogits(2, 5)
    const scorer = new CtcPrefixScorer(posteriors, BLANK, EOS)
    expect(prefixOf(scorer, [4, 5, 6]).prefix).toBe(-Infinity)
    expect(scorer.extend(prefixOf(scorer, [4, 4]), [EOS])[0]!.prefix).toBe(-Infinity)
  })
})
