import * as tf from '@tensorflow/tfjs'
import { MODEL_FORMAT_VERSION, validateModelConfig, type ModelConfig } from '../config'
import { Seq2SeqModel } from '../network/seq2seq'
import type { Adam } from '../training/adam'
import type { TrainerState } from '../training/trainer-state'
import { checkConfigFields } from './config-fields'

/** `format` field of saved model artifacts. */
export const MODEL_ARTIFACT_FORMAT = 's2s-seq2seq'
/** `format` field of saved optimizer artifacts. */
export const OPTIMIZER_ARTIFACT_FORMAT = 's2s-optimizer'

/**
 * Saves a model through any tf.io handler: the weights go out as a TF.js weights manifest + binary data
 * (model.json + shard for file/http handlers) and the full ModelConfig (features, vocabulary, normaliser
 * version, CMVN, architecture, format version) as the artifact's `modelTopology` JSON.
 */
export async function saveModel(model: Seq2SeqModel, handler: tf.io.IOHandler): Promise<void> {
  if (!handler.save) throw new Error('this IO handler cannot save')
  const { data, specs } = await tf.io.encodeWeights(Object.fromEntries(model.params))
  await handler.save({ format: MODEL_ARTIFACT_FORMAT, generatedBy: 's2s', modelTopology: model.config as unknown as object, weightSpecs: specs, weightData: data })
}

function checkedConfig(art: tf.io.ModelArtifacts): ModelConfig {
  if (art.format !== MODEL_ARTIFACT_FORMAT) throw new Error(`not an s2s model (format ${JSON.stringify(art.format)})`)
  const cfg = art.modelTopology as ModelConfig | undefined
  if (!cfg || typeof cfg !== 'object') throw new Error('s2s model has no config')
  if (cfg.formatVersion !== MODEL_FORMAT_VERSION) {
    throw new Error(`s2s model format version ${JSON.stringify(cfg.formatVersion)?.slice(0, 20)} cannot be read by this build (expects ${MODEL_FORMAT_VERSION}); re-export or retrain the model`)
  }
  checkConfigFields(cfg)
  validateModelConfig(cfg)
  return { ...cfg, inputLevel: cfg.inputLevel ?? null } // absent in models saved before input-level normalisation
}

/** The artifact's weights as tensors the caller owns; on a failure midway none are left behind. */
async function decodeArtifactWeights(art: tf.io.ModelArtifacts): Promise<tf.NamedTensorMap> {
  const { weightData, weightSpecs } = art
  if (!weightData || !Array.isArray(weightSpecs)) throw new Error('artifact has no weights')
  return tf.tidy(() => tf.io.decodeWeights(weightData, weightSpecs))
}

/**
 * Loads a model saved by saveModel (path handler in Node, tf.io.http(url) in a browser).
 * @throws with a clear message on a foreign artifact or a format-version mismatch
 */
export async function loadModel(handler: tf.io.IOHandler): Promise<Seq2SeqModel> {
  if (!handler.load) throw new Error('this IO handler cannot load')
  const art = await handler.load()
  const config = checkedConfig(art)
  const weights = await decodeArtifactWeights(art)
  const model = Seq2SeqModel.create(config)
  try {
    model.assignWeights(weights)
  } catch (err) {
    model.dispose()
    throw err
  } finally {
    tf.dispose(Object.values(weights))
  }
  return model
}

/** Saves Adam moments + trainer state (the part of a training checkpoint that is not the model). */
export async function saveOptimizerState(optimizer: Adam, state: TrainerState, handler: tf.io.IOHandler): Promise<void> {
  if (!handler.save) throw new Error('this IO handler cannot save')
  const { data, specs } = await tf.io.encodeWeights(optimizer.stateTensors())
  const topology = { formatVersion: MODEL_FORMAT_VERSION, optimizerStep: optimizer.step, trainer: state }
  await handler.save({ format: OPTIMIZER_ARTIFACT_FORMAT, generatedBy: 's2s', modelTopology: topology, weightSpecs: specs, weightData: data })
}

/** Optimizer + trainer state read back for resuming; the caller disposes `tensors` after Trainer.resume. */
export interface OptimizerCheckpoint {
  optimizerStep: number
  trainer: TrainerState
  tensors: tf.NamedTensorMap
}

export async function loadOptimizerState(handler: tf.io.IOHandler): Promise<OptimizerCheckpoint> {
  if (!handler.load) throw new Error('this IO handler cannot load')
  const art = await handler.load()
  if (art.format !== OPTIMIZER_ARTIFACT_FORMAT) throw new Error(`not an s2s optimizer state (format ${JSON.stringify(art.format)})`)
  const topo = art.modelTopology as { formatVersion: number; optimizerStep: number; trainer: TrainerState }
  if (topo.formatVersion !== MODEL_FORMAT_VERSION) throw new Error(`optimizer state format version ${topo.formatVersion} != ${MODEL_FORMAT_VERSION}`)
  return { optimizerStep: topo.optimizerStep, trainer: topo.trainer, tensors: await decodeArtifactWeights(art) }
}
