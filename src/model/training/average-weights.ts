import * as tf from '@tensorflow/tfjs'
import type { ModelConfig } from '../config'
import { Seq2SeqModel } from '../network/seq2seq'

/**
 * The configuration fields that must agree for weights to be averaged: everything but the seed. Snapshots of one run
 * share all of it (front-end, CMVN, input level, vocabulary, architecture).
 */
function averagingKey(config: ModelConfig): string {
  return JSON.stringify({ ...config, seed: 0 })
}

/**
 * A new model whose every weight is the element-wise mean of the same weight in `models` (checkpoint averaging, as
 * ESPnet and icefall do with a run's last snapshots). Measured on the base run (model card, session 10): the ends of
 * two anneals averaged to a better dev CER than either, snapshots taken at a constant rate did not. The inputs are
 * left untouched; the caller owns the result.
 * @throws if fewer than two models are given or their configurations differ beyond the seed
 */
export function averageModels(models: readonly Seq2SeqModel[]): Seq2SeqModel {
  const [first] = models
  if (!first || models.length < 2) throw new Error('averaging needs at least two models')
  const key = averagingKey(first.config)
  const stranger = models.findIndex((m) => averagingKey(m.config) !== key)
  if (stranger >= 0) throw new Error(`model ${stranger + 1} differs from model 1 in its configuration (features, CMVN, vocabulary or architecture): only snapshots of one run can be averaged`)
  const averaged = Seq2SeqModel.create(first.config)
  const means = tf.tidy(() => {
    const out: Record<string, tf.Tensor> = {}
    for (const name of first.params.keys()) {
      // [...shape] each; the sum is kept in float32, fine for a handful of snapshots
      out[name] = tf.addN(models.map((m) => m.params.get(name)!)).div(models.length)
    }
    return out
  })
  try {
    averaged.assignWeights(means)
  } finally {
    tf.dispose(Object.values(means))
  }
  return averaged
}
