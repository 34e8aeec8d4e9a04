import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../model/training/train-config'

/** What a user (or the command line) may choose about a fine-tune; everything else follows from the data. */
export interface FinetuneOptions {
  /** Passes over the training part at most (early stopping usually ends sooner). */
  epochs: number
  /** 'speller': adapt the encoder and CTC head, keep attention + speller; 'none': adapt every weight. */
  freeze: 'speller' | 'none'
  /** Gradient threads (1 keeps a core free for dictation while the app fine-tunes). */
  threads: number
  peakLearningRate: number
}

/**
 * Defaults for 5-30 minutes of one person's speech. The base model already knows English; the new voice is
 * an acoustic change, so the encoder adapts and the speller (which would otherwise overfit to a few hundred
 * prompt sentences) stays frozen. A peak LR 3x below base training with a short warm-up moves the weights
 * without forgetting; no SpecAugment (with it the first bundled model got worse on LJSpeech, 98% → 119% WER, without
 * it better, 98% → 94%: `npm run bench -- finetune`); validation on the held-out part every epoch, stopping
 * after 3 epochs without a better CER and keeping the best weights.
 */
export const DEFAULT_FINETUNE_OPTIONS: Readonly<FinetuneOptions> = Object.freeze({ epochs: 12, freeze: 'speller', threads: 1, peakLearningRate: 3e-4 })

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
