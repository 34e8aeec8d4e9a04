/**
 * Decides which words of a growing segment's partial transcripts are stable: a word becomes stable once two
 * consecutive partials agree on it and on everything before it, and it is not the last word (the speaker may
 * still be in the middle of it). Stable words only ever grow: a later partial that disagrees with them keeps
 * the stable words and replaces only the tail.
 */
export class StablePrefix {
  #stable: string[] = []
  #previous: string[] = []

  /** Takes the next partial transcript; returns the stable words and the tentative tail to show. */
  update(text: string): { stable: string; unstable: string } {
    const words = text.split(' ').filter((w) => w !== '')
    const agreed = commonPrefixLength(words, this.#previous)
    const candidate = Math.min(agreed, words.length - 1)
    if (candidate > this.#stable.length && commonPrefixLength(words, this.#stable) === this.#stable.length) {
      this.#stable = words.slice(0, candidate)
    }
    this.#previous = words
    const tail = words.slice(this.#stable.length)
    return { stable: this.#stable.join(' '), unstable: tail.join(' ') }
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
