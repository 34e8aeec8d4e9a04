/** Everything besides weights and optimizer moments that a resumed run needs to continue identically. */
export interface TrainerState {
  step: number
  epoch: number
  /** PRNG state at the start of the current epoch (regenerates its batch order). */
  epochSeed: number
  /** Batches of the current epoch already consumed. */
  batchIndex: number
  /** PRNG state of SpecAugment. */
  augmentSeed: number
  bestDevCer: number | null
  /** Validations since the last improvement. */
  badValidations: number
  /** The run's peak learning rate, so that a resumed run keeps its schedule (absent before session 8: the default). */
  peakLearningRate?: number
}

export function initialTrainerState(seed: number): TrainerState {
  return { step: 0, epoch: 0, epochSeed: seed, batchIndex: 0, augmentSeed: seed ^ 0x5bd1e995, bestDevCer: null, badValidations: 0 }
}

export type TrainPhase = 'training' | 'validating' | 'done' | 'stopped-early' | 'cancelled'

/** Pushed after every step and at every phase change. */
export interface TrainProgress {
  phase: TrainPhase
  step: number
  maxSteps: number
  epoch: number
  loss: number
  ctcLoss: number
  ceLoss: number
  learningRate: number
  gradNorm: number
  /** Seconds of audio trained per wall-clock second over the last step. */
  audioSecondsPerSecond: number
  devCer: number | null
  bestDevCer: number | null
}
