import * as tf from '@tensorflow/tfjs'
import type { ModelConfig } from '../config'
import { Seq2SeqModel } from '../network/seq2seq'
import type { HostBatch } from './example'
import { assignFlatWeights, flattenNamed } from './flat-weights'
import { computeGradients, type LossStats } from './gradients'

/** Gradients of one shard as a flat array in ParamMap order, plus its loss statistics. */
export interface ShardGradients {
  grads: Float32Array
  stats: LossStats
}

/**
 * Computes gradients for shards of a batch elsewhere (e.g. worker threads) given the current flat weights.
 * The Node driver implements it over worker_threads, each thread running a GradientWorker.
 */
export interface ShardRunner {
  /** Number of shards it can run concurrently. */
  readonly parallelism: number
  run(weights: Float32Array, shards: HostBatch[], labelSmoothing: number): Promise<ShardGradients[]>
}

/**
 * A model replica that turns (weights, shard) into flat gradients. Stateless between calls apart from the
 * replica's weights, so the optimizer lives in one place (the trainer).
 */
export class GradientWorker {
  private readonly model: Seq2SeqModel

  constructor(config: ModelConfig) {
    this.model = Seq2SeqModel.create(config)
  }

  compute(weights: Float32Array, shard: HostBatch, labelSmoothing: number): ShardGradients {
    assignFlatWeights(this.model.params, weights)
    const { grads, stats } = computeGradients(this.model, shard, labelSmoothing)
    const flat = flattenNamed(this.model.params, grads)
    tf.dispose([...grads.values()])
    return { grads: flat, stats }
  }

  dispose(): void {
    this.model.dispose()
  }
}
