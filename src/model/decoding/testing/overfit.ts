import { Seq2SeqModel } from '../../network/seq2seq'
import { examplesFrom, tinyModelConfig } from '../../testing/tiny-setup'
import type { Example } from '../../training/example'
import { DEFAULT_TRAIN_CONFIG } from '../../training/train-config'
import { Trainer } from '../../training/trainer'

/**
 * For decoder tests: a tiny model trained on `utterances` until greedy CER on them falls below `targetCer`
 * (the trainer test's recipe: no SpecAugment, one batch of everything, short warm-up), within `maxSteps`.
 * The caller disposes the model.
 */
export async function overfitTinyModel(utterances: readonly { text: string; pcm: Float32Array }[], targetCer = 0.02, maxSteps = 500): Promise<{ model: Seq2SeqModel; examples: Example[]; devCer: number }> {
  const cfg = tinyModelConfig()
  const examples = examplesFrom(cfg, utterances)
  const model = Seq2SeqModel.create(cfg)
  const abort = new AbortController()
  let devCer = 1
  const trainer = new Trainer(model, {
    ...DEFAULT_TRAIN_CONFIG, maxSteps, batchFrames: 200_000, maxBatchUtterances: examples.length, peakLearningRate: 3e-3,
    warmupSteps: 20, specAugment: null, validateEvery: 25, patience: 100, checkpointEvery: 0
  })
  await trainer.fit(examples, examples, {
    signal: abort.signal,
    onProgress: (p) => {
      if (p.devCer !== null) devCer = p.devCer
      if (p.devCer !== null && p.devCer < targetCer) abort.abort()
    }
  })
  trainer.dispose()
  return { model, examples, devCer }
}
