import type { FeatureSet } from '../../engine/data/feature-set'
import { CmvnAccumulator, type Cmvn } from '../../model/features/cmvn'
import { normalizeText } from '../../model/text/normalizer'
import { Vocabulary } from '../../model/text/vocabulary'
import type { Example } from '../../model/training/example'

/**
 * Training examples over a cached feature set: each example's features are a view into the shared buffer (no
 * copies), its tokens the normalised transcript. Utterances longer than `maxFrames` are left out.
 */
export function examplesOf(set: FeatureSet, vocabulary: Vocabulary, maxFrames = 3000): Example[] {
  return set.items
    .filter((item) => item.frames > 0 && item.frames <= maxFrames)
    .map((item, i) => ({
      id: `${i}:${item.audioPath}`,
      feats: { frames: item.frames, dim: set.dim, data: set.data.subarray(item.offset * set.dim, (item.offset + item.frames) * set.dim) },
      tokens: vocabulary.encode(normalizeText(item.transcript))
    }))
}

/** Global mean/variance of the features of `examples` (the model's stored CMVN). */
export function cmvnOf(examples: readonly Example[]): Cmvn {
  const accumulator = new CmvnAccumulator()
  for (const example of examples) accumulator.add(example.feats)
  return accumulator.finish()
}
