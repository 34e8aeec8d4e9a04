import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../model/training/train-config'
import { DEFAULT_FINETUNE_EPOCHS } from '../../shared/finetune'

/** What a user (or the command line) may choose about a fine-tune; everything else follows from the data. */
export interface FinetuneOptions {
  /** Passes over the training part at most (early stopping usually ends sooner). */
  epochs: number
  /** 'speller': adapt the encoder and CTC head, keep attention + speller; 'none': adapt every weight. */
  freeze: 'speller' | 'none'
  /** Gradient threads (1 keeps a core free for dictation while the app fine-tunes). */
  threads: number
  peakLearningRate: number
  /** Speed-perturbed copies of the training part, one per factor ([1]: the originals only); see speed-perturbation.ts. */
  speeds: readonly number[]
}

/**
 * Defaults for 5-30 minutes of one person's speech, measured with `npm run bench -- finetune` (80 LJSpeech
 * utterances to train, 20 for early stopping, 285 to test; WER read by the joint beam): on s2s-en 0.1.15500
 * (2026-12-05, session 5) all weights at peak LR 5e-4 took the test WER from 92.15% to 65.82%; at 1e-3 67.65%,
 * at 3e-4 67.46% (early stopping caught a noisy dip); speed-perturbed copies (`--speeds 0.9,1,1.1`, which also
 * change the voice) did not help: 68.85% at 1e-3, 67.46% at 5e-4, for nearly twice the time. Earlier, on
 * 0.1.12000: the speller frozen was worse than training every weight (71.9% against 69.4%), and 2e-3 worse than
 * 1e-3. With a base model that reads English, the speller adapts to the new voice's timing along with the encoder,
 * and early stopping on the held-out part (after 3 epochs without a better CER, best weights kept) stops it before
 * it learns the prompts by heart, usually within 10-15 of the 30 epochs. No SpecAugment (with it the first bundled
 * model got worse on LJSpeech, 98% -> 119% WER, without it better, 98% -> 94%).
 */
export const DEFAULT_FINETUNE_OPTIONS: Readonly<FinetuneOptions> = Object.freeze({ epochs: DEFAULT_FINETUNE_EPOCHS, freeze: 'none', threads: 1, peakLearningRate: 5e-4, speeds: [1] })

/** Padded frames per batch: ~80 s of audio, so 10 minutes of speech make about 8 steps per epoch. */
const BATCH_FRAMES = 8000
const PATIENCE = 3

/** The trainer settings of a fine-tune over `trainFrames` total frames. */
export function finetuneTrainConfig(options: FinetuneOptions, trainFrames: number): TrainConfig {
  const stepsPerEpoch = Math.max(1, Math.ceil(trainFrames / (0.75 * BATCH_FRAMES)))
  const maxSteps = stepsPerEpoch * options.epochs
  return {
    ...DEFAULT_TRAIN_CONFIG,
    maxSteps,
    batchFrames: BATCH_FRAMES,
    maxBatchUtterances: 16,
    peakLearningRate: options.peakLearningRate,
    warmupSteps: Math.max(1, Math.min(50, Math.round(maxSteps / 10))),
    validateEvery: stepsPerEpoch,
    patience: PATIENCE,
    checkpointEvery: 0,
    freeze: options.freeze === 'speller' ? ['att/', 'dec/'] : [],
    specAugment: null
  }
}
