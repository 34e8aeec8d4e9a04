/**
 * A word n-gram language model in backoff form (the ARPA model): log10 probabilities and backoff weights per
 * n-gram. Pure data + scoring; reading/writing ARPA text lives in arpa.ts, estimation in kneser-ney.ts.
 */
export interface NgramEntry {
  /** log10 P(last word | preceding words) */
  logProb: number
  /** log10 backoff weight of this n-gram used as a history (0 when absent) */
  backoff: number
}

export const SENTENCE_START = '<s>'
export const SENTENCE_END = '</s>'
export const UNKNOWN = '<unk>'

/** log10 probability given to words the model has never seen when it has no <unk> entry. */
const UNSEEN_LOG_PROB = -7

export class NgramLm {
  /** entries[n - 1] maps "w1 w2 … wn" to its entry. */
  constructor(readonly entries: ReadonlyArray<ReadonlyMap<string, NgramEntry>>) {}

  get order(): number {
    return this.entries.length
  }

  /** Whether the word is in the unigram vocabulary. */
  knows(word: string): boolean {
    return this.entries[0]!.has(word)
  }

  /**
   * log10 P(word | history) with Katz-style backoff. `history` is the preceding words, oldest first (only the
   * last order-1 are used); unseen words score as <unk>.
   */
  logProb(history: readonly string[], word: string): number {
    const w = this.knows(word) ? word : UNKNOWN
    const context = history.slice(Math.max(0, history.length - (this.order - 1)))
    let backoff = 0
    for (let start = 0; start <= context.length; start++) {
      const h = context.slice(start)
      const entry = this.entries[h.length]!.get([...h, w].join(' '))
      if (entry) return backoff + entry.logProb
      if (h.length > 0) backoff += this.entries[h.length - 1]!.get(h.join(' '))?.backoff ?? 0
    }
    return backoff + UNSEEN_LOG_PROB
  }

  /** log10 probability of a whole sentence including the end marker. */
  sentenceLogProb(words: readonly string[]): number {
    const history = [SENTENCE_START]
    let total = 0
    for (const word of [...words, SENTENCE_END]) {
      total += this.logProb(history, word)
      history.push(word)
    }
    return total
  }
}
