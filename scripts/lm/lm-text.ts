import { isHeldOutSentence } from '../corpus/splits'

/**
 * The LM's training text: normalised sentences as word lists, without any sentence the corpus holds out (the
 * rule is re-applied here, so the LM stays honest even if its input came from somewhere else) and without
 * those listed in `heldOut` (e.g. the corpus's heldout_sentences.txt), de-duplicated.
 */
export function lmTrainingSentences(sentences: Iterable<string>, heldOut: ReadonlySet<string> = new Set()): string[][] {
  const seen = new Set<string>()
  const out: string[][] = []
  for (const sentence of sentences) {
    const text = sentence.trim()
    if (text === '' || seen.has(text) || heldOut.has(text) || isHeldOutSentence(text)) continue
    seen.add(text)
    out.push(text.split(/\s+/))
  }
  return out
}
