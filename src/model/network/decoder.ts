import * as tf from '@tensorflow/tfjs'
import type { DecoderConfig } from '../config'
import { attend, prepareAttention, uniformAlignment, type AttentionMemory } from './attention'
import type { AttentionScorer } from './attention-scorers'
import { createLstmWeights, lstmPointwise, type LstmWeights } from './lstm-cell'
import { oneHotFloat } from './one-hot'
import type { ParamBuilder } from './params'

/** Speller weights: embedding, LSTM over [embedding; previous context], combination and output layers. */
export interface DecoderWeights {
  embed: tf.Variable // [V, E]
  lstm: LstmWeights // input [E + D] -> Hd
  wc: tf.Variable // [D + Hd, Hd]   combined = tanh([c; s]·W_c + b_c)
  bc: tf.Variable // [Hd]
  wo: tf.Variable // [Hd, V]
  bo: tf.Variable // [V]
}

/** Decoder recurrent state after step u. */
export interface DecoderState {
  h: tf.Tensor2D // s_u [B, Hd]
  c: tf.Tensor2D // LSTM cell [B, Hd]
  context: tf.Tensor2D // α_u [B, D]
  align: tf.Tensor2D // e_u [B, T']
}

/** Everything a decoding loop needs that is fixed per utterance batch. */
export interface DecoderSession {
  weights: DecoderWeights
  scorer: AttentionScorer
  attention: AttentionMemory
  tokenProj: tf.Tensor2D // embed·W_x[:E] [V, 4Hd]: one-hot x this = embedding projection
  recurrentProj: tf.Tensor2D // [W_x[E:]; W_h] [D + Hd, 4Hd]: [α_{u-1}; s_{u-1}] x this, one product per step
  gates: (z: tf.Tensor2D, c: tf.Tensor2D) => [tf.Tensor2D, tf.Tensor2D]
  lengths: number[]
}

export function createDecoderWeights(pb: ParamBuilder, cfg: DecoderConfig, vocab: number, memDim: number): DecoderWeights {
  const hd = cfg.units
  return {
    embed: pb.uniform('dec/embed', [vocab, cfg.embedDim], 1),
    lstm: createLstmWeights(pb, 'dec/lstm', cfg.embedDim + memDim, hd, cfg.peepholes),
    wc: pb.uniform('dec/wc', [memDim + hd, hd], 1 / Math.sqrt(memDim + hd)),
    bc: pb.filled('dec/bc', [hd], 0),
    wo: pb.uniform('dec/wo', [hd, vocab], 1 / Math.sqrt(hd)),
    bo: pb.filled('dec/bo', [vocab], 0)
  }
}

/** Prepares attention keys and the hoisted embedding projection for a batch of encoder outputs [B, T', D]. */
export function openDecoderSession(w: DecoderWeights, scorer: AttentionScorer, memory: tf.Tensor3D, lengths: number[]): DecoderSession {
  const embedDim = w.embed.shape[1]!
  const [wxe, wxc] = tf.split(w.lstm.wx, [embedDim, w.lstm.wx.shape[0]! - embedDim], 0) as tf.Tensor2D[]
  return {
    weights: w,
    scorer,
    attention: prepareAttention(scorer, memory, lengths),
    tokenProj: tf.matMul(w.embed, wxe!),
    recurrentProj: tf.concat([wxc!, w.lstm.wh], 0) as tf.Tensor2D,
    gates: lstmPointwise(w.lstm),
    lengths
  }
}

/** Zero LSTM state, zero context, uniform alignment. */
export function initialDecoderState(s: DecoderSession): DecoderState {
  const [, steps, dim] = s.attention.memory.shape
  const batch = s.lengths.length // the memory may be one utterance shared by a beam of queries
  const units = s.recurrentProj.shape[1] / 4
  return { h: tf.zeros([batch, units]), c: tf.zeros([batch, units]), context: tf.zeros([batch, dim]), align: uniformAlignment(s.lengths, steps) }
}

/** Embedding projection (+ LSTM bias) of token ids [N] -> [N, 4Hd] (one-hot x matrix: has a gradient on wasm). */
export function embedTokens(s: DecoderSession, ids: tf.Tensor1D): tf.Tensor2D {
  return tf.add(tf.matMul(oneHotFloat(ids, s.tokenProj.shape[0]!) as tf.Tensor2D, s.tokenProj), s.weights.lstm.b)
}

/** One speller step: s_u = LSTM([y_{u-1}; α_{u-1}], s_{u-1}); then attention with query s_u. */
export function advanceDecoder(s: DecoderSession, embProj: tf.Tensor2D, prev: DecoderState): DecoderState {
  const z = tf.add(embProj, tf.matMul(tf.concat([prev.context, prev.h], 1), s.recurrentProj)) as tf.Tensor2D
  const [h, c] = s.gates(z, prev.c)
  const { context, align } = attend(s.scorer, s.attention, h!, prev.align)
  return { h: h!, c: c!, context, align }
}

/** The seed's combination tanh(W_c [α; s] + b_c) followed by the output layer: [N, D], [N, Hd] -> logits [N, V]. */
export function outputLogits(w: DecoderWeights, context: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const combined = tf.tanh(tf.add(tf.matMul(tf.concat([context, h], 1), w.wc), w.bc))
  return tf.add(tf.matMul(combined, w.wo), w.bo)
}

/**
 * Teacher-forced decoding of a whole batch. The embedding projection, the combination and the output layer
 * run once over all steps; only the LSTM and the attention run per step.
 * @param yIn decoder inputs (sos + targets, padded) [B, U] int32
 * @returns logits [B, U, V] and the alignments of each step [U] x [B, T']
 */
export function teacherForce(s: DecoderSession, yIn: tf.Tensor2D): { logits: tf.Tensor3D; aligns: tf.Tensor2D[] } {
  const [batch, steps] = yIn.shape
  const emb = tf.reshape(embedTokens(s, tf.reshape(tf.transpose(yIn), [-1]) as tf.Tensor1D), [steps, batch, -1])
  const embSteps = tf.unstack(emb) as tf.Tensor2D[]
  let state = initialDecoderState(s)
  const contexts: tf.Tensor2D[] = []
  const hs: tf.Tensor2D[] = []
  const aligns: tf.Tensor2D[] = []
  for (const e of embSteps) {
    state = advanceDecoder(s, e, state)
    contexts.push(state.context)
    hs.push(state.h)
    aligns.push(state.align)
  }
  const logits = outputLogits(s.weights, tf.concat(contexts, 0), tf.concat(hs, 0)) // [U·B, V], step-major
  return { logits: tf.transpose(tf.reshape(logits, [steps, batch, -1]), [1, 0, 2]) as tf.Tensor3D, aligns }
}
