import { normalizeText } from '../../src/model/text/normalizer'
import { TEXT_SOURCES } from './sources'
import type { TextSource } from './sources/source'
import { isHeldOutSentence } from './splits'
import { hasUsableLength, isSpeakable } from './text/sentences'
import { stableHash } from './util/hash'
import { createRng, type Rng } from './util/rng'

export interface Sentence {
  /** Normalised: what is spoken and what the model must output. */
  text: string
  /** As written in the source. */
  original: string
  source: string
}

export interface SourceCounts {
  usable: number
  heldOut: number
}

export interface TextPool {
  train: Sentence[]
  dev: Sentence[]
  /** Every held-out sentence of every source (for LM builders to exclude), sorted. */
  heldOut: string[]
  counts: Record<string, SourceCounts>
}

/** The normaliser throws on numbers it cannot spell (≥ 10^15); such sentences are simply not used. */
function normalizeOrEmpty(raw: string): string {
  try {
    return normalizeText(raw)
  } catch {
    return ''
  }
}

/** Speakable, normalised, 2-20 words, first occurrence of each normalised text across all sources. */
async function usableSentences(source: TextSource, seen: Set<string>, rng: Rng, wanted: number): Promise<Sentence[]> {
  const out: Sentence[] = []
  for (const original of await source.read({ rng, wanted })) {
    if (!isSpeakable(original)) continue
    const text = normalizeOrEmpty(original)
    if (!hasUsableLength(text) || seen.has(text)) continue
    seen.add(text)
    out.push({ text, original: original.replace(/\s+/g, ' ').trim(), source: source.name })
  }
  return out
}

/** Takes `total` sentences, each source contributing by weight; a source that runs short is topped up from the rest. */
function drawByWeight(bySource: ReadonlyMap<TextSource, Sentence[]>, total: number, rng: Rng): Sentence[] {
  const taken: Sentence[] = []
  const leftovers: Sentence[] = []
  for (const [source, sentences] of bySource) {
    const shuffled = rng.shuffle(sentences)
    const quota = Math.round(total * source.weight)
    taken.push(...shuffled.slice(0, quota))
    leftovers.push(...shuffled.slice(quota))
  }
  const topUp = rng.shuffle(leftovers).slice(0, Math.max(0, total - taken.length))
  return rng.shuffle([...taken, ...topUp]).slice(0, total)
}

/** Reads every source, splits held-out sentences by rule, and draws the training and dev sentences from the seed. */
export async function buildTextPool(seed: number, trainSentences: number, devSentences: number): Promise<TextPool> {
  const seen = new Set<string>()
  const train = new Map<TextSource, Sentence[]>()
  const dev = new Map<TextSource, Sentence[]>()
  const counts: Record<string, SourceCounts> = {}
  for (const source of TEXT_SOURCES) {
    const rng = createRng(seed ^ stableHash(`source:${source.name}`))
    const sentences = await usableSentences(source, seen, rng, Math.ceil(trainSentences * source.weight))
    const held = sentences.filter((s) => isHeldOutSentence(s.text))
    train.set(source, sentences.filter((s) => !isHeldOutSentence(s.text)))
    dev.set(source, held)
    counts[source.name] = { usable: sentences.length, heldOut: held.length }
  }
  const rng = createRng(seed ^ stableHash('draw'))
  return {
    train: drawByWeight(train, trainSentences, rng),
    dev: drawByWeight(dev, devSentences, rng),
    heldOut: [...dev.values()].flat().map((s) => s.text).sort(),
    counts
  }
}
