import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import { loadModelDir, loadTrainingCheckpoint, saveModelDir, saveTrainingCheckpoint } from '../model-files/checkpoint-files'
import { loadFeatureSet } from '../../engine/data/feature-set'
import { defaultModelConfig, type ModelConfig } from '../../model/config'
import { Seq2SeqModel } from '../../model/network/seq2seq'
import { evaluateGreedy } from '../../model/training/evaluate'
import type { Example } from '../../model/training/example'
import { joinedExamples } from '../../model/training/joined-examples'
import { Vocabulary } from '../../model/text/vocabulary'
import { WorkerShardRunner } from './worker-pool'
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../model/training/train-config'
import { Trainer, type TrainResult, type TrainingCheckpoint } from '../../model/training/trainer'
import type { TrainProgress } from '../../model/training/trainer-state'
import { writeFileAtomic } from '../atomic-write'
import { cmvnOf, examplesOf } from './examples'
import { inputLevelOf } from '../../model/features/input-level'
import { widenEncoder } from '../../model/network/widen-encoder'

export interface TrainRunOptions {
  /** Manifests of the training and validation data. */
  trainManifest: string
  devManifest: string
  /** A held-out manifest whose greedy CER is logged at each validation but never used for selection. */
  watchManifest?: string
  /** Run folder: `checkpoint/` (resume state, overwritten), `best/` (best dev CER model) and `validated/step-N/`
   * (every validated model, to choose from with measures other than dev CER). */
  runDir: string
  /** A new run (runDir has no resume state) starts from this model's weights, widened first when asked. */
  init?: { modelDir: string; encoderUnits?: number }
  /** Feature cache folder. */
  cacheDir: string
  trainConfig?: Partial<TrainConfig>
  /** Architecture of a fresh run (ignored when resuming). */
  modelConfig?: ModelConfig
  /** Extra training examples made by joining 2-3 training utterances (up to 12 s, the dictation cap; longer ones train
   * several times slower per second of audio, the speller running one step per character) for long-input robustness. */
  joined?: number
  /** Validation utterances used for early stopping (a fixed prefix of the dev manifest). */
  devLimit?: number
  /** Threads computing gradients: 1 = this thread only; n > 1 adds n - 1 worker threads (data parallel). */
  threads?: number
  signal?: AbortSignal
  log: (line: string) => void
  onProgress?: (progress: TrainProgress) => void
}

/**
 * Trains (or resumes) a model on cached features: resume state is written atomically to runDir/checkpoint
 * (periodically and at the end), the best-dev-CER model to runDir/best with a meta.json.
 */
export async function runTraining(options: TrainRunOptions): Promise<TrainResult> {
  const resumeDir = join(options.runDir, 'checkpoint')
  const resumed = existsSync(join(resumeDir, 'optimizer.json')) ? await loadTrainingCheckpoint(resumeDir) : null
  if (resumed && options.init) throw new Error(`${options.runDir} already holds a run (resume state in checkpoint/); a run from another model needs a new run folder`)
  const initial = options.init ? await initialModel(options.init, options.log) : null
  const config = resumed?.model.config ?? initial?.config ?? options.modelConfig ?? defaultModelConfig()
  const vocabulary = new Vocabulary(config.tokens)
  const progress = (what: string) => (done: number, total: number) => done % 200 === 0 && options.log(`features ${what}: ${done}/${total}`)
  const trainSet = await loadFeatureSet(options.trainManifest, config.features, { cacheDir: options.cacheDir, onProgress: progress('train'), signal: options.signal })
  const devSet = await loadFeatureSet(options.devManifest, config.features, { cacheDir: options.cacheDir, onProgress: progress('dev'), signal: options.signal })
  const single = examplesOf(trainSet, vocabulary)
  const train = [...single, ...joinedExamples(single, { count: options.joined ?? 0, space: vocabulary.encode(' ')[0]!, seed: 1, minParts: 2, maxParts: 3, maxFrames: 1200 })]
  const dev = examplesOf(devSet, vocabulary).slice(0, options.devLimit ?? 200)
  const watchSet = options.watchManifest
    ? await loadFeatureSet(options.watchManifest, config.features, { cacheDir: options.cacheDir, onProgress: progress('watch'), signal: options.signal })
    : null
  const watch = watchSet ? examplesOf(watchSet, vocabulary).slice(0, options.devLimit ?? 200) : []
  const frameSeconds = config.features.hopSamples / config.features.sampleRate
  const hours = (examples: readonly Example[]): string => ((examples.reduce((n, e) => n + e.feats.frames, 0) * frameSeconds) / 3600).toFixed(2)
  options.log(`data: ${single.length} training utterances (${hours(single)} h) + ${train.length - single.length} joined (${hours(train.slice(single.length))} h), ${dev.length} validation utterances`)

  const model = resumed?.model ?? initial ?? Seq2SeqModel.create(config)
  model.config.cmvn ??= cmvnOf(single)
  // Measured on the training set like CMVN; a run resumed from a model older than input-level normalisation adopts it.
  model.config.inputLevel ??= inputLevelOf(single.map((e) => e.feats))
  options.log(`input level: each utterance brought to ${model.config.inputLevel.target.toFixed(2)} (log power)`)
  // A resumed run keeps the peak learning rate it started with unless told otherwise.
  const recordedRate = resumed?.resume.trainer.peakLearningRate
  const trainConfig = { ...DEFAULT_TRAIN_CONFIG, ...(recordedRate !== undefined && { peakLearningRate: recordedRate }), ...options.trainConfig }
  const trainer = new Trainer(model, trainConfig, resumed?.resume)
  if (resumed) Object.values(resumed.resume.tensors).forEach((t) => t.dispose()) // the optimizer holds its own copies
  if (resumed) options.log(`resumed at step ${trainer.state.step} (best dev CER ${formatRate(trainer.state.bestDevCer)})`)
  const threads = options.threads ?? 1
  const shardRunner = threads > 1 ? await WorkerShardRunner.start(threads - 1, model.config) : undefined
  options.log(`model: ${model.parameterCount} parameters; ${threads} thread(s); training to step ${trainConfig.maxSteps}`)
  try {
    return await trainer.fit(train, dev, {
      signal: options.signal,
      shardRunner,
      onProgress: options.onProgress,
      onValidated: async (validated, { step, devCer }) => {
        if (watch.length > 0) options.log(`watched ${options.watchManifest}: CER ${formatRate(evaluateGreedy(validated, watch).cer.rate)} (not used for selection)`)
        await saveSnapshot(validated, options.runDir, join('validated', `step-${step}`), step, devCer)
      },
      onCheckpoint: (checkpoint) => writeCheckpoint(checkpoint, options.runDir)
    })
  } finally {
    await shardRunner?.close()
    trainer.dispose()
    model.dispose()
  }
}

/** The starting model of a new run: a saved model, its encoder widened to `encoderUnits` when given. */
async function initialModel(init: NonNullable<TrainRunOptions['init']>, log: (line: string) => void): Promise<Seq2SeqModel> {
  const model = await loadModelDir(init.modelDir)
  if (init.encoderUnits === undefined || init.encoderUnits === model.config.encoder.units) return model
  try {
    const widened = widenEncoder(model, init.encoderUnits)
    log(`encoder widened from ${model.config.encoder.units} to ${init.encoderUnits} units per direction: ${model.parameterCount} -> ${widened.parameterCount} parameters, same outputs`)
    return widened
  } finally {
    model.dispose()
  }
}

async function writeCheckpoint(checkpoint: TrainingCheckpoint, runDir: string): Promise<void> {
  if (checkpoint.reason !== 'best') return saveTrainingCheckpoint(checkpoint, join(runDir, 'checkpoint'))
  await saveSnapshot(checkpoint.model, runDir, 'best', checkpoint.state.step, checkpoint.state.bestDevCer)
}

/**
 * A loadable model folder runDir/sub (weights, config, meta.json naming its run, step and dev CER). Its version names
 * the run and step ("wide-step-2500"): a release number is given when a snapshot is bundled, not by the trainer.
 */
async function saveSnapshot(model: Seq2SeqModel, runDir: string, sub: string, step: number, devCer: number | null): Promise<void> {
  const dir = join(runDir, sub)
  await saveModelDir(model, dir)
  const meta = { name: 's2s-en', version: `${basename(runDir)}-step-${step}`, step, devCer, savedAt: new Date().toISOString() }
  await writeFileAtomic(join(dir, 'meta.json'), JSON.stringify(meta, null, 2) + '\n')
}

export const formatRate = (rate: number | null): string => (rate === null ? 'n/a' : `${(100 * rate).toFixed(2)}%`)
