import type { FeatureMatrix } from '../features/feature-config'

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
