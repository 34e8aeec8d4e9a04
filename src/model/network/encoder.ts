import * as tf from '@tensorflow/tfjs'
import type { EncoderConfig } from '../config'
import type { RecurrentCell } from './cell'
import { createGruWeights, gruCell, type GruWeights } from './gru-cell'
import { createLstmWeights, lstmCell, type LstmWeights } from './lstm-cell'
import type { ParamBuilder } from './params'
import { runRecurrence, timeMask } from './recurrence'

type CellWeights = { kind: 'lstm'; w: LstmWeights } | { kind: 'gru'; w: GruWeights }

/** Weights of the bidirectional pyramidal encoder: one forward and one backward cell per layer. */
export interface EncoderWeights {
  layers: { fw: CellWeights; bw: CellWeights }[]
}

/** Encoder output. memory [B, T', 2H]; lengths[b] = valid steps of utterance b. */
export interface EncoderOutput {
  memory: tf.Tensor3D
  lengths: number[]
}

function createCellWeights(pb: ParamBuilder, cfg: EncoderConfig, name: string, inputDim: number): CellWeights {
  return cfg.cell === 'lstm'
    ? { kind: 'lstm', w: createLstmWeights(pb, name, inputDim, cfg.units, cfg.peepholes) }
    : { kind: 'gru', w: createGruWeights(pb, name, inputDim, cfg.units) }
}

const bindCell = (c: CellWeights): RecurrentCell => (c.kind === 'lstm' ? lstmCell(c.w) : gruCell(c.w))

/** Creates encoder weights for `featureDim`-dimensional input frames. */
export function createEncoderWeights(pb: ParamBuilder, cfg: EncoderConfig, featureDim: number): EncoderWeights {
  const layers: EncoderWeights['layers'] = []
  let dim = featureDim * cfg.stack
  for (let l = 0; l < cfg.layers; l++) {
    layers.push({ fw: createCellWeights(pb, cfg, `enc/${l}/fw`, dim), bw: createCellWeights(pb, cfg, `enc/${l}/bw`, dim) })
    dim = 2 * cfg.units * (cfg.pyramidAfter.includes(l) ? 2 : 1)
  }
  return { layers }
}

/** [B, T, F] -> [B, ceil(T / k), k·F] by concatenating k consecutive frames (zero-padded at the end). */
export function stackFrames(feats: tf.Tensor3D, k: number): tf.Tensor3D {
  const [batch, frames, dim] = feats.shape
  const steps = Math.ceil(frames / k)
  const padded = steps * k === frames ? feats : tf.pad(feats, [[0, 0], [0, steps * k - frames], [0, 0]])
  return tf.reshape(padded, [batch, steps, k * dim])
}

/** Time-major [T, B, D] -> [ceil(T / 2), B, 2D]: concatenates steps 2t and 2t+1 (LAS pyramid). */
export function halveTime(x: tf.Tensor3D): tf.Tensor3D {
  const [steps, batch, dim] = x.shape
  const padded = steps % 2 === 0 ? x : tf.pad(x, [[0, 1], [0, 0], [0, 0]])
  const half = Math.ceil(steps / 2)
  return tf.reshape(tf.transpose(tf.reshape(padded, [half, 2, batch, dim]), [0, 2, 1, 3]), [half, batch, 2 * dim])
}

function biLayer(layer: EncoderWeights['layers'][number], xTBD: tf.Tensor3D, maskTB1: tf.Tensor3D): tf.Tensor3D {
  const [steps, batch, dim] = xTBD.shape
  const flat = tf.reshape(xTBD, [steps * batch, dim]) as tf.Tensor2D
  const run = (cellWeights: CellWeights, reverse: boolean): tf.Tensor3D => {
    const cell = bindCell(cellWeights)
    const proj = tf.reshape(cell.project(flat), [steps, batch, cell.gateWidth]) as tf.Tensor3D
    return runRecurrence(cell, proj, maskTB1, reverse)
  }
  return tf.concat([run(layer.fw, false), run(layer.bw, true)], 2)
}

/**
 * Listener (encoder): frame stacking, then bidirectional recurrent layers, halving time after the layers in
 * cfg.pyramidAfter. Tensors are created in the caller's scope (wrap in tf.tidy).
 * @param feats CMVN-normalised log-mel [B, T, F]
 * @param lengths valid frames per utterance
 * @returns memory [B, T', 2H] with T' = ceil(T / (stack · 2^pyramids)), and per-utterance valid steps
 */
export function encode(w: EncoderWeights, cfg: EncoderConfig, feats: tf.Tensor3D, lengths: readonly number[]): EncoderOutput {
  // 1. stack frames and go time-major
  let x = tf.transpose(stackFrames(feats, cfg.stack), [1, 0, 2]) as tf.Tensor3D
  let lens = lengths.map((n) => Math.ceil(n / cfg.stack))
  // 2. bidirectional layers with optional time halving
  w.layers.forEach((layer, l) => {
    x = biLayer(layer, x, timeMask(lens, x.shape[0]))
    if (cfg.pyramidAfter.includes(l)) {
      x = halveTime(x)
      lens = lens.map((n) => Math.ceil(n / 2))
    }
  })
  // 3. back to batch-major for attention
  return { memory: tf.transpose(x, [1, 0, 2]) as tf.Tensor3D, lengths: lens }
}
