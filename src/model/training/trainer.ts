import * as tf from '@tensorflow/tfjs'
import type { OptimizerCheckpoint } from '../io/checkpoint'
import type { ParamMap } from '../network/params'
import type { Seq2SeqModel } from '../network/seq2seq'
import { Adam, clipByGlobalNorm, learningRateAt } from './adam'
import { bucketBatches } from './bucketing'
import { collate, shardBatch } from './collate'
import { evaluateGreedy } from './evaluate'
import type { Example, HostBatch } from './example'
import { flattenNamed, flattenWeights, unflatten } from './flat-weights'
import type { ShardRunner } from './gradient-worker'
import { computeGradients, type LossStats } from './gradients'
import { Random } from './random'
import { specAugment } from './spec-augment'
import type { TrainConfig } from './train-config'
import { initialTrainerState, type TrainPhase, type TrainProgress, type TrainerState } from './trainer-state'

/** What a checkpoint writer receives; serialise with io/checkpoint.ts. */
export interface TrainingCheckpoint {
  model: Seq2SeqModel
  optimizer: Adam
  state: TrainerState
  reason: 'best' | 'periodic' | 'final'
}

/** whisper.cpp-style callbacks: progress, checkpoint writing (atomic on the Node side), cancellation. */
export interface TrainHooks {
  signal?: AbortSignal
  onProgress?: (p: TrainProgress) => void
  onCheckpoint?: (c: TrainingCheckpoint) => Promise<void>
  /** Runs extra shards of each batch in parallel (data-parallel training); absent: one thread. */
  shardRunner?: ShardRunner
  /** Called after each validation with the current weights and that validation's dev CER (e.g. to watch a held-out
   * set it does not select on, or to keep every validated model). */
  onValidated?: (model: Seq2SeqModel, validation: { step: number; devCer: number }) => void | Promise<void>
}

export interface TrainResult {
  phase: Extract<TrainPhase, 'done' | 'stopped-early' | 'cancelled'>
  state: TrainerState
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * Trains a Seq2SeqModel in place: length-bucketed batches, SpecAugment, joint loss, global-norm clipping,
 * Adam with warm-up + inverse-sqrt decay, greedy dev CER every N steps with early stopping (the best weights
 * are restored at the end), checkpoints through a callback, resumable from a TrainerState + optimizer state.
 */
export class Trainer {
  readonly optimizer: Adam
  /** The weights this run updates (all but cfg.freeze). */
  readonly trainable: ParamMap
  state: TrainerState
  private best: Map<string, tf.Tensor> | null = null
  private last: LossStats & { gradNorm: number; lr: number; speed: number } = { loss: NaN, ctc: NaN, ce: NaN, utterances: 0, infeasibleCtc: 0, gradNorm: NaN, lr: 0, speed: 0 }

  /** @param resume state from io/checkpoint.ts loadOptimizerState (the caller disposes its tensors after) */
  constructor(readonly model: Seq2SeqModel, readonly cfg: TrainConfig, resume?: OptimizerCheckpoint) {
    this.trainable = new Map([...model.params].filter(([name]) => !cfg.freeze.some((prefix) => name.startsWith(prefix))))
    if (this.trainable.size === 0) throw new Error('every weight is frozen: nothing to train')
    this.optimizer = new Adam(this.trainable)
    if (resume) this.optimizer.restore(resume.optimizerStep, resume.tensors)
    this.state = { ...(resume ? resume.trainer : initialTrainerState(cfg.seed)), peakLearningRate: cfg.peakLearningRate }
  }

  /** Runs until maxSteps, early stop or abort. `train` needs at least one example. */
  async fit(train: readonly Example[], dev: readonly Example[], hooks: TrainHooks = {}): Promise<TrainResult> {
    const { cfg, state } = this
    const frameSeconds = this.model.config.features.hopSamples / this.model.config.features.sampleRate
    const augment = new Random(state.augmentSeed)
    let epochRng = new Random(state.epochSeed)
    let batches = bucketBatches(train, cfg.batchFrames, cfg.maxBatchUtterances, epochRng)
    while (state.step < cfg.maxSteps) {
      if (hooks.signal?.aborted) return this.finish('cancelled', hooks)
      if (state.batchIndex >= batches.length) {
        state.epoch++
        state.epochSeed = epochRng.state
        epochRng = new Random(state.epochSeed)
        batches = bucketBatches(train, cfg.batchFrames, cfg.maxBatchUtterances, epochRng)
        state.batchIndex = 0
      }
      const hb = collate(batches[state.batchIndex++]!.map((i) => train[i]!), this.model.config, frameSeconds)
      if (cfg.specAugment) specAugment(hb, cfg.specAugment, augment)
      state.augmentSeed = augment.state
      await this.step(hb, hooks.shardRunner)
      hooks.onProgress?.(this.progress('training', null))
      if (cfg.validateEvery > 0 && dev.length > 0 && state.step % cfg.validateEvery === 0) {
        if (await this.validate(dev, hooks)) return this.finish('stopped-early', hooks)
      }
      if (cfg.checkpointEvery > 0 && state.step % cfg.checkpointEvery === 0) {
        await hooks.onCheckpoint?.({ model: this.model, optimizer: this.optimizer, state: { ...state }, reason: 'periodic' })
      }
      await yieldToEventLoop()
    }
    return this.finish('done', hooks)
  }

  /** One optimisation step on a host batch (split across the shard runner when given). */
  async step(hb: HostBatch, runner?: ShardRunner): Promise<LossStats> {
    const started = performance.now()
    const { grads, stats } = runner && runner.parallelism > 0 && hb.batch > 1
      ? await this.parallelGradients(hb, runner)
      : computeGradients(this.model, hb, this.cfg.labelSmoothing)
    const clipped = clipByGlobalNorm(new Map([...grads].filter(([name]) => this.trainable.has(name))), this.cfg.clipNorm)
    const lr = learningRateAt(this.state.step + 1, this.cfg.peakLearningRate, this.cfg.warmupSteps, this.cfg.anneal)
    this.optimizer.apply(clipped.grads, lr)
    tf.dispose([...grads.values(), ...clipped.grads.values()])
    this.state.step++
    const speed = hb.audioSeconds / ((performance.now() - started) / 1000)
    this.last = { ...stats, gradNorm: clipped.norm, lr, speed }
    return stats
  }

  private async parallelGradients(hb: HostBatch, runner: ShardRunner): Promise<{ grads: Map<string, tf.Tensor>; stats: LossStats }> {
    const [own, ...others] = shardBatch(hb, runner.parallelism + 1)
    const remote = runner.run(flattenWeights(this.model.params), others, this.cfg.labelSmoothing)
    const local = computeGradients(this.model, own!, this.cfg.labelSmoothing)
    const results = [{ grads: flattenNamed(this.model.params, local.grads), stats: local.stats }, ...(await remote)]
    tf.dispose([...local.grads.values()])
    const sum = new Float32Array(results[0]!.grads.length)
    const total: LossStats = { loss: 0, ctc: 0, ce: 0, utterances: hb.batch, infeasibleCtc: 0 }
    for (const r of results) {
      const w = r.stats.utterances / hb.batch
      for (let i = 0; i < sum.length; i++) sum[i]! += w * r.grads[i]!
      total.loss += w * r.stats.loss
      total.ctc += w * r.stats.ctc
      total.ce += w * r.stats.ce
      total.infeasibleCtc += r.stats.infeasibleCtc
    }
    return { grads: unflatten(this.model.params, sum), stats: total }
  }

  /** @returns true when early stopping should end the run */
  private async validate(dev: readonly Example[], hooks: TrainHooks): Promise<boolean> {
    hooks.onProgress?.(this.progress('validating', null))
    const cer = evaluateGreedy(this.model, dev).cer.rate
    const { state } = this
    if (state.bestDevCer === null || cer < state.bestDevCer) {
      state.bestDevCer = cer
      state.badValidations = 0
      tf.dispose([...(this.best?.values() ?? [])])
      this.best = new Map([...this.model.params].map(([name, v]) => [name, tf.clone(v)]))
      await hooks.onCheckpoint?.({ model: this.model, optimizer: this.optimizer, state: { ...state }, reason: 'best' })
    } else {
      state.badValidations++
    }
    hooks.onProgress?.(this.progress('training', cer))
    await hooks.onValidated?.(this.model, { step: state.step, devCer: cer })
    return state.badValidations >= this.cfg.patience
  }

  private async finish(phase: TrainResult['phase'], hooks: TrainHooks): Promise<TrainResult> {
    if (this.best) this.model.assignWeights(Object.fromEntries(this.best))
    if (phase !== 'cancelled') {
      await hooks.onCheckpoint?.({ model: this.model, optimizer: this.optimizer, state: { ...this.state }, reason: 'final' })
    }
    hooks.onProgress?.(this.progress(phase, null))
    return { phase, state: { ...this.state } }
  }

  private progress(phase: TrainPhase, devCer: number | null): TrainProgress {
    const { state, last } = this
    return {
      phase, step: state.step, maxSteps: this.cfg.maxSteps, epoch: state.epoch, loss: last.loss, ctcLoss: last.ctc,
      ceLoss: last.ce, learningRate: last.lr, gradNorm: last.gradNorm, audioSecondsPerSecond: last.speed, devCer,
      bestDevCer: state.bestDevCer
    }
  }

  dispose(): void {
    this.optimizer.dispose()
    tf.dispose([...(this.best?.values() ?? [])])
    this.best = null
  }
}
