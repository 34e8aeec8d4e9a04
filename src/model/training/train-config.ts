import type { AnnealWindow } from './adam'
import { DEFAULT_SPEC_AUGMENT, type SpecAugmentConfig } from './spec-augment'

/** Optimisation settings of one training run (not stored with the model). */
export interface TrainConfig {
  maxSteps: number
  /** Padded frames per batch (utterances x longest utterance), the length-bucketing budget. */
  batchFrames: number
  maxBatchUtterances: number
  peakLearningRate: number
  warmupSteps: number
  /** The last stretch of a run: the learning rate falls linearly to 0 over these steps (null: never). */
  anneal: AnnealWindow | null
  /** Global gradient-norm clipping threshold. */
  clipNorm: number
  labelSmoothing: number
  specAugment: SpecAugmentConfig | null
  /** Validate on the dev set every N steps (0: never). */
  validateEvery: number
  /** Stop after this many validations without a better dev CER. */
  patience: number
  /** Periodic checkpoint every N steps (0: only on dev improvements and at the end). */
  checkpointEvery: number
  /** Weights kept fixed: parameter-name prefixes ("dec/", "att/"); fine-tuning freezes the speller this way. */
  freeze: readonly string[]
  seed: number
}

export const DEFAULT_TRAIN_CONFIG: Readonly<TrainConfig> = Object.freeze({
  maxSteps: 20000,
  batchFrames: 16000,
  maxBatchUtterances: 32,
  peakLearningRate: 1e-3,
  warmupSteps: 400,
  anneal: null,
  clipNorm: 5,
  labelSmoothing: 0.1,
  specAugment: DEFAULT_SPEC_AUGMENT,
  validateEvery: 500,
  patience: 5,
  checkpointEvery: 1000,
  freeze: [],
  seed: 1
})
