import { SENTENCE_END, SENTENCE_START, UNKNOWN, type NgramLm } from './ngram-lm'

/**
 * Word-prefix look-ahead of a word LM (Hori et al. 2018): the best unigram log10 probability of any word that
 * starts with a prefix, so a character beam can pay a word's LM cost letter by letter instead of all at its end.
 * Words are kept sorted; a prefix is a contiguous range, whose maximum a sparse table answers in O(1).
 */
export class PrefixLookahead {
  private readonly words: string[]
  /** levels[j][i] = max log10 P over words[i .. i + 2^j). */
  private readonly levels: Float32Array[]
  /** log10 P(<unk>): what `best` gives a prefix no known word starts with. */
  readonly unknown: number
  private readonly cache = new Map<string, number>()
  private static readonly CACHE_LIMIT = 200_000

  constructor(lm: NgramLm) {
    const entries = [...lm.entries[0]!].filter(([w]) => w !== SENTENCE_START && w !== SENTENCE_END && w !== UNKNOWN)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    this.words = entries.map(([w]) => w)
    this.levels = [Float32Array.from(entries, ([, e]) => e.logProb)]
    for (let width = 2; width <= this.words.length; width *= 2) {
      const prev = this.levels.at(-1)!
      this.levels.push(Float32Array.from({ length: this.words.length - width + 1 }, (_, i) => Math.max(prev[i]!, prev[i + width / 2]!)))
    }
    this.unknown = lm.logProb([], UNKNOWN)
  }

  /** max log10 P(w) over words w starting with `prefix` ('' → 0); the unknown-word score when none does. */
  best(prefix: string): number {
    if (prefix === '') return 0
    let score = this.cache.get(prefix)
    if (score === undefined) {
      const lo = this.lowerBound(prefix)
      const hi = this.lowerBound(prefix + '\uffff')
      score = hi > lo ? this.rangeMax(lo, hi) : this.unknown
      if (this.cache.size >= PrefixLookahead.CACHE_LIMIT) this.cache.clear()
      this.cache.set(prefix, score)
    }
    return score
  }

  private lowerBound(key: string): number {
    let [lo, hi] = [0, this.words.length]
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.words[mid]! < key) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private rangeMax(lo: number, hi: number): number {
    const level = 31 - Math.clz32(hi - lo)
    const table = this.levels[level]!
    return Math.max(table[lo]!, table[hi - (1 << level)]!)
  }
}
