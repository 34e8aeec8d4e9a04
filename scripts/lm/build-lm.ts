import { formatArpa } from '../../src/model/lm/arpa'
import { estimateKneserNey } from '../../src/model/lm/kneser-ney'
import type { NgramLm } from '../../src/model/lm/ngram-lm'
import { buildTextPool } from '../corpus/text-pool'
import { lmTrainingSentences } from './lm-text'

export interface BuildLmOptions {
  seed: number
  /** Training-side sentences to draw from the corpus text sources (they yield fewer when they run out). */
  sentences: number
  order: number
  /** Largest ARPA file wanted; the n-gram count cut-off rises until the model fits. */
  maxBytes: number
}

/**
 * Builds a pruned Kneser-Ney word n-gram LM from the corpus text pool's training side (the same sources, rules
 * and seed as `npm run corpus`; held-out sentences never enter it).
 * @returns the ARPA text, the model and the cut-off used
 */
export async function buildLm(opts: BuildLmOptions, log: (line: string) => void): Promise<{ arpa: string; lm: NgramLm; minCount: number; sentences: number }> {
  const pool = await buildTextPool(opts.seed, opts.sentences, 0)
  const sentences = lmTrainingSentences(pool.train.map((s) => s.text), new Set(pool.heldOut))
  log(`lm: ${sentences.length} training sentences, ${sentences.reduce((n, s) => n + s.length, 0)} words (${pool.heldOut.length} held-out sentences excluded)`)
  for (let minCount = 1; ; minCount++) {
    const lm = estimateKneserNey(sentences, { order: opts.order, minCount })
    const arpa = formatArpa(lm)
    log(`lm: min count ${minCount}: ${lm.entries.map((m, n) => `${m.size} ${n + 1}-grams`).join(', ')}, ${(arpa.length / 2 ** 20).toFixed(2)} MiB`)
    if (arpa.length <= opts.maxBytes || minCount >= 20) return { arpa, lm, minCount, sentences: sentences.length }
  }
}
