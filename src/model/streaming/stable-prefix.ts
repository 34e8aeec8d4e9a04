/** A word of a partial transcript and where it ends, in seconds from the segment's start. */
export interface PartialWord {
  word: string
  end: number
}

/**
 * Decides which words of a growing segment's partial transcripts are stable: a word becomes stable once two
 * consecutive partials agree on it and on everything before it, it is not the last word (the speaker may still
 * be in the middle of it), and it ends before `settledBefore` (the encoder reads both directions: a word needs
 * audio after it before its reading settles). Stable words only ever grow: a later partial that disagrees with
 * them keeps the stable words and replaces only the tail.
 */
export class StablePrefix {
  #stable: string[] = []
  #previous: string[] = []

  /** Takes the next partial transcript; returns the stable words and the tentative tail to show. */
  update(partial: readonly PartialWord[], settledBefore: number): { stable: string; unstable: string } {
    const words = partial.map((w) => w.word)
    let candidate = Math.min(commonPrefixLength(words, this.#previous), words.length - 1)
    while (candidate > 0 && partial[candidate - 1]!.end > settledBefore) candidate--
    if (candidate > this.#stable.length && commonPrefixLength(words, this.#stable) === this.#stable.length) {
      this.#stable = words.slice(0, candidate)
    }
    this.#previous = words
    const tail = words.slice(this.#stable.length)
    return { stable: this.text, unstable: tail.join(' ') }
  }

  /** The stable words so far, space-separated ('' when none). */
  get text(): string {
    return this.#stable.join(' ')
  }

  reset(): void {
    this.#stable = []
    this.#previous = []
  }
}

function commonPrefixLength(a: readonly string[], b: readonly string[]): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}
