import type { Example } from './example'
import type { Random } from './random'

/**
 * Length-bucketed batches: examples sorted by frame count are cut into batches whose padded size
 * (utterances x longest frames) stays within `maxFrames` (and at most `maxUtterances`), then the batch order is
 * shuffled. Sorting keeps padding — wasted compute — small.
 * @returns batches of example indices
 */
export function bucketBatches(examples: readonly Example[], maxFrames: number, maxUtterances: number, rng: Random): number[][] {
  const order = examples.map((_, i) => i).sort((a, b) => examples[a]!.feats.frames - examples[b]!.feats.frames || a - b)
  const batches: number[][] = []
  let current: number[] = []
  for (const i of order) {
    const longest = examples[i]!.feats.frames
    if (current.length > 0 && ((current.length + 1) * longest > maxFrames || current.length >= maxUtterances)) {
      batches.push(current)
      current = []
    }
    current.push(i)
  }
  if (current.length > 0) batches.push(current)
  return rng.shuffle(batches)
}
