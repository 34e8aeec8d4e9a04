/**
 * Chooses recording prompts for the Train view's studio from held-out text: sentences the corpus never trains on
 * (scripts/corpus/splits.ts), comfortable to read (6-14 words), picked greedily so each adds the most character
 * trigrams not yet covered (a spelling-level stand-in for diphone coverage: phonetically varied prompts).
 */
export function selectPrompts(normalisedSentences: Iterable<{ text: string; display: string }>, count: number): Array<{ text: string; display: string }> {
  const pool = [...new Map([...normalisedSentences].map((s) => [s.text, s])).values()]
  const covered = new Set<string>()
  const chosen: Array<{ text: string; display: string }> = []
  while (chosen.length < count && pool.length > 0) {
    let best = 0
    let bestGain = -1
    pool.forEach((s, i) => {
      const gain = trigrams(s.text).filter((t) => !covered.has(t)).length / s.text.length
      if (gain > bestGain) [best, bestGain] = [i, gain]
    })
    const [picked] = pool.splice(best, 1)
    for (const t of trigrams(picked!.text)) covered.add(t)
    chosen.push(picked!)
  }
  return chosen
}

function trigrams(text: string): string[] {
  const padded = ` ${text} `
  return Array.from({ length: padded.length - 2 }, (_, i) => padded.slice(i, i + 3))
}
