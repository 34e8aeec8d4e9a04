/**
 * Types of the fine-tuning feature (issue 8) shared by the engine, the CLI and the Train view: the user's
 * recordings, model versions and the fine-tune job's live progress and result.
 */

/** Sample rate of recordings sent by the page (16-bit little-endian mono PCM, base64). */
export const RECORDING_SAMPLE_RATE = 16_000
/** Longest recording or imported utterance accepted for fine-tuning. */
export const MAX_UTTERANCE_SECONDS = 30
/**
 * Passes over the user's training part at most; early stopping usually ends a fine-tune sooner. The Train view's
 * starting value and the engine's default are this one number (measured: src/node/finetune/finetune-config.ts).
 */
export const DEFAULT_FINETUNE_EPOCHS = 30
/** Recordings a fine-tune needs at least: one to train on and one held out to measure the result. */
export const MIN_FINETUNE_UTTERANCES = 2
/** The most epochs a fine-tune may ask for. */
export const MAX_FINETUNE_EPOCHS = 50

/** Shortest recording kept (a stray click of the record button is not speech). */
export const MIN_UTTERANCE_SECONDS = 0.3

/** One stored utterance of the user's own data (recorded in the studio or imported). */
export interface Recording {
  id: string
  text: string
  seconds: number
  source: 'studio' | 'import'
  /** The studio prompt it answers, when recorded from one. */
  promptId?: string
  createdAt: string
}

/** What an import accepted, and one line per problem (file or manifest line, then the reason). */
export interface ImportReport {
  imported: number
  seconds: number
  problems: string[]
}

/** The model shipped with the app: never modified, always available to roll back to. */
export const BUNDLED_VERSION = 'bundled'

/** One selectable model: the bundled one or a fine-tuned version under the user-data folder. */
export interface ModelVersion {
  id: string
  label: string
  createdAt: string | null
  /** The version it was fine-tuned from. */
  base: string | null
  /** WER (percent) on the user's held-out utterances before and after fine-tuning. */
  werBefore: number | null
  werAfter: number | null
  trainUtterances: number | null
}

export interface ModelVersionList {
  active: string
  versions: ModelVersion[]
  /** Set when the chosen version could not be used and the bundled model stands in (one line). */
  notice: string | null
}

export type FinetunePhase = 'preparing' | 'evaluating' | 'training' | 'validating' | 'saving'

/** Pushed while a fine-tune runs: where it is, the last training loss and the held-out CER when measured. */
export interface FinetuneProgress {
  phase: FinetunePhase
  step: number
  maxSteps: number
  epoch: number
  /** Joint loss of the last step (null before the first step). */
  loss: number | null
  /** Greedy CER on the held-out part, 0-1, only on validation updates. */
  valCer: number | null
  message: string
}

export interface FinetuneResult {
  version: ModelVersion
  /** How the run ended: all epochs, early stopping on the held-out part. */
  stoppedBy: 'epochs' | 'early-stopping'
  trainUtterances: number
  testUtterances: number
  werBefore: number
  werAfter: number
  /** Whether the new version became the active one: only when it is no worse on the held-out part. */
  activated: boolean
  seconds: number
}
