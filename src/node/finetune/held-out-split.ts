import { MIN_FINETUNE_UTTERANCES } from '../../shared/finetune'

/**
 * Splits the user's utterances into a training part and a held-out part (~`fraction`, at least one) by a hash of
 * each name, so the same recording stays on the same side from one fine-tune to the next and before/after
 * numbers of later runs stay comparable.
 * @throws Error when there are fewer than MIN_FINETUNE_UTTERANCES
 */
export function splitHeldOut<T extends { name: string }>(items: readonly T[], fraction = 0.2): { train: T[]; test: T[] } {
  if (items.length < MIN_FINETUNE_UTTERANCES) throw new Error(`fine-tuning needs at least ${MIN_FINETUNE_UTTERANCES} utterances (one is held out to measure it), got ${items.length}`)
  const testCount = Math.min(items.length - 1, Math.max(1, Math.round(items.length * fraction)))
  const ranked = [...items].sort((a, b) => fnv1a(a.name) - fnv1a(b.name) || a.name.localeCompare(b.name))
  const test = new Set(ranked.slice(0, testCount))
  return { train: items.filter((i) => !test.has(i)), test: items.filter((i) => test.has(i)) }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0
  return hash
}
