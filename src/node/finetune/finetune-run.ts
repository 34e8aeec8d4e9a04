import { computeLogMel } from '../../model/features/log-mel'
import type { Seq2SeqModel } from '../../model/network/seq2seq'
import { Vocabulary } from '../../model/text/vocabulary'
import { wordErrorRate } from '../../model/decoding/metrics'
import { Recognizer } from '../../model/recognizer'
import type { DecodeOptions } from '../../model/decoding/decode-options'
import { DecodingOptionsResolver } from '../../engine/decoding-options'
import { toExample, type Example } from '../../model/training/example'
import { Trainer } from '../../model/training/trainer'
import type { TrainProgress } from '../../model/training/trainer-state'
import type { FinetuneProgress } from '../../shared/finetune'
import { loadModelDir } from '../model-files/checkpoint-files'
import { saveModel } from '../../model/io/checkpoint'
import { fileSystemHandler } from '../model-files/fs-io'
import { WorkerShardRunner } from '../training/worker-pool'
import { finetuneTrainConfig, type FinetuneOptions } from './finetune-config'
import { withSpeedCopies } from './speed-perturbation'
import type { Utterance } from './training-data'

/** Everything a fine-tune needs, structured-clone friendly (it crosses to the worker thread). */
export interface FinetuneWork {
  /** The model to start from (read only). */
  modelDir: string
  /** Where the fine-tuned model is written (model.json + model.bin); a staging folder nobody reads yet. */
  outDir: string
  train: Utterance[]
  /** Held-out utterances the WER before/after is measured on. */
  test: Utterance[]
  /** Utterances early stopping watches; default `test` (the app's small held-out part serves both). */
  dev?: Utterance[]
  options: FinetuneOptions
}

export interface FinetuneOutcome {
  /** WER on `test` as the app's default decoder reads it (joint CTC/attention beam + the bundled LM), percent, before and after. */
  werBefore: number
  werAfter: number
  stoppedBy: 'epochs' | 'early-stopping'
  steps: number
}

/**
 * The fine-tune itself: features with the base model's front-end, WER on the held-out part, training
 * with the fine-tune defaults (early stopping on the held-out CER, best weights kept), WER again, then the model
 * is written to `outDir`. Runs on the calling thread; the engine runs it in a worker (finetune-worker-thread.ts).
 * Leaves no tensors behind.
 */
export async function runFinetune(work: FinetuneWork, report: (p: FinetuneProgress) => void): Promise<FinetuneOutcome> {
  const model = await loadModelDir(work.modelDir)
  const runner = work.options.threads > 1 ? await WorkerShardRunner.start(work.options.threads - 1, model.config) : undefined
  try {
    report(idle('preparing', `features of ${work.train.length + work.test.length + (work.dev?.length ?? 0)} utterances`))
    const train = examplesOf(model, await withSpeedCopies(work.train, work.options.speeds))
    const test = examplesOf(model, work.test)
    const dev = work.dev ? examplesOf(model, work.dev) : test
    report(idle('evaluating', `WER before, on ${test.length} held-out utterances`))
    const decoding = await new DecodingOptionsResolver().resolve()
    const werBefore = decodedWer(model, test, decoding)
    const cfg = finetuneTrainConfig(work.options, train.reduce((n, e) => n + e.feats.frames, 0))
    const trainer = new Trainer(model, cfg)
    let loss: number | null = null
    const result = await trainer.fit(train, dev, {
      shardRunner: runner,
      onProgress: (p) => {
        if (p.phase === 'training' && p.devCer === null) loss = p.loss
        report(progressOf(p, loss))
      }
    }).finally(() => trainer.dispose())
    report(idle('evaluating', 'WER after'))
    const werAfter = decodedWer(model, test, decoding)
    report(idle('saving', 'writing the new version'))
    await saveModel(model, fileSystemHandler(work.outDir))
    return { werBefore, werAfter, stoppedBy: result.phase === 'stopped-early' ? 'early-stopping' : 'epochs', steps: result.state.step }
  } finally {
    await runner?.close()
    model.dispose()
  }
}

/**
 * WER (percent) of `examples` decoded with `decoding`, the default settings dictation and files use unless the user
 * changes them: a fine-tune is judged by what its user will read (greedy numbers understated the effect: LJSpeech
 * bench, greedy 99.6% -> 78.6% where the joint beam read 94.7% -> 69.4%).
 */
function decodedWer(model: Seq2SeqModel, examples: readonly Example[], decoding: DecodeOptions): number {
  const recognizer = new Recognizer(model) // a view of the model: disposing it is the caller's
  const pairs = examples.map((e): [string, string] => [recognizer.vocabulary.decode(e.tokens), recognizer.decode(e.feats, decoding).text])
  return 100 * wordErrorRate(pairs).rate
}

function examplesOf(model: Seq2SeqModel, utterances: readonly Utterance[]): Example[] {
  const vocabulary = new Vocabulary(model.config.tokens)
  return utterances.map((u) => toExample(u.name, computeLogMel(u.pcm, model.config.features), u.text, vocabulary))
}

const idle = (phase: FinetuneProgress['phase'], message: string): FinetuneProgress => ({ phase, step: 0, maxSteps: 0, epoch: 0, loss: null, valCer: null, message })

function progressOf(p: TrainProgress, loss: number | null): FinetuneProgress {
  const phase = p.phase === 'validating' ? 'validating' : 'training'
  const message = p.devCer === null ? `step ${p.step}/${p.maxSteps}` : `held-out CER ${(100 * p.devCer).toFixed(1)}%`
  return { phase, step: p.step, maxSteps: p.maxSteps, epoch: p.epoch, loss, valCer: p.devCer, message }
}
