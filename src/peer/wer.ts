/** Levenshtein distance between two token sequences (substitutions, insertions, deletions all cost 1). */
export function editDistance<T>(ref: readonly T[], hyp: readonly T[]): number {
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j)
  for (let i = 1; i <= ref.length; i++) {
    const row = [i]
    for (let j = 1; j <= hyp.length; j++) {
      const sub = (prev[j - 1] as number) + (ref[i - 1] === hyp[j - 1] ? 0 : 1)
      row.push(Math.min(sub, (prev[j] as number) + 1, (row[j - 1] as number) + 1))
    }
    prev = row
  }
  return prev[hyp.length] as number
}

export interface ErrorRates {
  /** Word errors / reference words (corpus level, not a mean of per-utterance rates). */
  wer: number
  cer: number
  words: number
  chars: number
}

const words = (text: string): string[] => text.split(' ').filter((w) => w !== '')
const chars = (text: string): string[] => [...words(text).join(' ')]

/** Corpus-level WER and CER over normalised (reference, hypothesis) pairs. */
export function errorRates(pairs: ReadonlyArray<readonly [string, string]>): ErrorRates {
  let wordErrors = 0
  let charErrors = 0
  let refWords = 0
  let refChars = 0
  for (const [ref, hyp] of pairs) {
    wordErrors += editDistance(words(ref), words(hyp))
    charErrors += editDistance(chars(ref), chars(hyp))
    refWords += words(ref).length
    refChars += chars(ref).length
  }
  return { wer: wordErrors / Math.max(1, refWords), cer: charErrors / Math.max(1, refChars), words: refWords, chars: refChars }
}
