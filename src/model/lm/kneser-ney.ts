import { NgramLm, SENTENCE_END, SENTENCE_START, UNKNOWN, type NgramEntry } from './ngram-lm'

export interface KneserNeyOptions {
  order: number
  /** Drop n-grams (n >= 2) seen fewer times than this; their mass returns to the backoff. */
  minCount: number
}

/** Kneser-Ney discount D = n1 / (n1 + 2 n2) from the counts-of-counts, kept in a sane range. */
function discount(counts: Iterable<number>): number {
  let n1 = 0
  let n2 = 0
  for (const c of counts) {
    if (c === 1) n1++
    else if (c === 2) n2++
  }
  return n1 + n2 === 0 ? 0.5 : Math.min(0.9, Math.max(0.1, n1 / (n1 + 2 * n2)))
}

/** Raw counts of all n-grams of each order 1..N over sentences padded with one <s> and one </s>. */
function rawCounts(sentences: readonly (readonly string[])[], order: number): Array<Map<string, number>> {
  const counts = Array.from({ length: order }, () => new Map<string, number>())
  for (const sentence of sentences) {
    const tokens = [SENTENCE_START, ...sentence, SENTENCE_END]
    for (let end = 1; end < tokens.length; end++) {
      for (let n = 1; n <= order && end - n + 1 >= 0; n++) {
        const gram = tokens.slice(end - n + 1, end + 1).join(' ')
        counts[n - 1]!.set(gram, (counts[n - 1]!.get(gram) ?? 0) + 1)
      }
    }
  }
  return counts
}

/** KN adjusted counts: continuation counts for lower orders, except n-grams that start at <s>. */
function adjustedCounts(raw: Array<Map<string, number>>): Array<Map<string, number>> {
  const order = raw.length
  return raw.map((map, i) => {
    if (i === order - 1) return map
    const adjusted = new Map<string, number>()
    for (const gram of raw[i + 1]!.keys()) {
      const suffix = gram.slice(gram.indexOf(' ') + 1)
      adjusted.set(suffix, (adjusted.get(suffix) ?? 0) + 1)
    }
    for (const [gram, count] of map) if (gram.startsWith(SENTENCE_START + ' ') || gram === SENTENCE_START) adjusted.set(gram, count)
    return adjusted
  })
}

const historyOf = (gram: string): string => gram.slice(0, Math.max(0, gram.lastIndexOf(' ')))
const wordOf = (gram: string): string => gram.slice(gram.lastIndexOf(' ') + 1)

/**
 * Estimates an interpolated Kneser-Ney word n-gram model and stores it in backoff (ARPA) form: seen n-grams
 * keep their interpolated probability, and each history's backoff weight renormalises the rest.
 * @param sentences word lists (already normalised text)
 */
export function estimateKneserNey(sentences: readonly (readonly string[])[], options: KneserNeyOptions): NgramLm {
  const adjusted = adjustedCounts(rawCounts(sentences, options.order))
  const entries: Array<Map<string, NgramEntry>> = []
  const lm = new NgramLm(entries)

  // Unigrams: discounted counts interpolated with a uniform distribution over the vocabulary.
  const unigrams = adjusted[0]!
  unigrams.delete(SENTENCE_START)
  unigrams.set(UNKNOWN, unigrams.get(UNKNOWN) ?? 0)
  const d1 = discount(unigrams.values())
  const total = [...unigrams.values()].reduce((a, b) => a + b, 0)
  const seen = [...unigrams.values()].filter((c) => c > 0).length
  const level0 = new Map<string, NgramEntry>()
  for (const [word, count] of unigrams) {
    const p = Math.max(count - d1, 0) / total + (d1 * seen) / total / unigrams.size
    level0.set(word, { logProb: Math.log10(p), backoff: 0 })
  }
  level0.set(SENTENCE_START, { logProb: -99, backoff: 0 })
  entries.push(level0)

  for (let n = 2; n <= options.order; n++) {
    const counts = adjusted[n - 1]!
    const d = discount(counts.values())
    const totals = new Map<string, { sum: number; types: number }>()
    for (const [gram, count] of counts) {
      const h = historyOf(gram)
      const t = totals.get(h) ?? { sum: 0, types: 0 }
      totals.set(h, { sum: t.sum + count, types: t.types + 1 })
    }
    const level = new Map<string, NgramEntry>()
    const keptMass = new Map<string, { p: number; lower: number }>()
    for (const [gram, count] of counts) {
      if (count < options.minCount) continue
      const h = historyOf(gram)
      const w = wordOf(gram)
      const t = totals.get(h)!
      const lowerHistory = h.split(' ').slice(1)
      const lower = 10 ** lm.logProb(lowerHistory, w)
      const p = Math.max(count - d, 0) / t.sum + ((d * t.types) / t.sum) * lower
      level.set(gram, { logProb: Math.log10(p), backoff: 0 })
      const mass = keptMass.get(h) ?? { p: 0, lower: 0 }
      keptMass.set(h, { p: mass.p + p, lower: mass.lower + lower })
    }
    // Backoff weight of each history: leftover mass over the lower order's mass on the unseen words.
    const histories = entries[n - 2]!
    for (const [h, mass] of keptMass) {
      const entry = histories.get(h)
      if (entry) histories.set(h, { ...entry, backoff: Math.log10(Math.max(1e-12, 1 - mass.p) / Math.max(1e-12, 1 - mass.lower)) })
    }
    entries.push(level)
  }
  return lm
}
