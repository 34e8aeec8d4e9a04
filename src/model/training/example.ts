import type { FeatureMatrix } from '../features/feature-config'
import { normalizeText } from '../text/normalizer'
import type { Vocabulary } from '../text/vocabulary'

/** One training or evaluation utterance: raw (un-normalised) log-mel and its token ids (no sos/eos). */
export interface Example {
  id: string
  feats: FeatureMatrix
  tokens: number[]
}

/** A padded batch in plain arrays: structured-clone friendly, so it can cross to a worker thread. */
export interface HostBatch {
  /** CMVN-normalised (and possibly augmented) features [B, T, F] row-major, zero padded. */
  feats: Float32Array
  batch: number
  frames: number
  dim: number
  featLens: number[]
  labels: number[][]
  /** Seconds of real audio in the batch (frames x hop). */
  audioSeconds: number
}

/**
 * An example from raw log-mel and free text (normalised with the v1 policy, then encoded).
 * @throws if the normalised text is empty
 */
export function toExample(id: string, feats: FeatureMatrix, text: string, vocab: Vocabulary): Example {
  const normalised = normalizeText(text)
  if (normalised.length === 0) throw new Error(`example ${id}: transcript is empty after normalisation`)
  return { id, feats, tokens: vocab.encode(normalised) }
}

/**
 * A non-speech example (noise, hum, silence): the target is the empty transcript, which teaches the speller to
 * end at once and the CTC head to emit only blanks, so such audio decodes to no words.
 */
export function nonSpeechExample(id: string, feats: FeatureMatrix): Example {
  return { id, feats, tokens: [] }
}
