/** Levenshtein distance between two sequences (substitutions, insertions and deletions cost 1). */
export function editDistance<T>(ref: readonly T[], hyp: readonly T[]): number {
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j)
  for (let i = 1; i <= ref.length; i++) {
    const cur = [i]
    for (let j = 1; j <= hyp.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[hyp.length]!
}

/** Accumulated error rate: errors / reference length (rate is 0 when both are empty). */
export interface ErrorRate {
  errors: number
  total: number
  rate: number
}

function errorRate(pairs: Iterable<[string, string]>, split: (s: string) => string[]): ErrorRate {
  let errors = 0
  let total = 0
  for (const [ref, hyp] of pairs) {
    const r = split(ref)
    errors += editDistance(r, split(hyp))
    total += r.length
  }
  return { errors, total, rate: total === 0 ? (errors === 0 ? 0 : 1) : errors / total }
}

const words = (s: string): string[] => s.split(' ').filter((w) => w.length > 0)

/** Word error rate over (reference, hypothesis) pairs of normalised text. */
export const wordErrorRate = (pairs: Iterable<[string, string]>): ErrorRate => errorRate(pairs, words)

/** Character error rate over (reference, hypothesis) pairs; spaces count as characters, runs collapse. */
export const charErrorRate = (pairs: Iterable<[string, string]>): ErrorRate => errorRate(pairs, (s) => Array.from(words(s).join(' ')))
