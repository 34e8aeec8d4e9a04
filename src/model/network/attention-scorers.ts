import * as tf from '@tensorflow/tfjs'
import type { AttentionConfig } from '../config'
import type { AttentionMemory } from './attention'
import { contract } from './contract'
import type { ParamBuilder } from './params'

/** Scoring function s(h_t, S_i) of the seed's attention; `prepare` hoists everything that depends only on S. */
export interface AttentionScorer {
  /** memory S [B, T', D] -> keys [B, T', K] (computed once per utterance). */
  prepare(memory: tf.Tensor3D): tf.Tensor3D
  /** prepared memory, decoder state h_t [B, Hd], previous alignment [B, T'] -> unnormalised scores [B, T']. */
  score(mem: AttentionMemory, query: tf.Tensor2D, prevAlign: tf.Tensor2D): tf.Tensor2D
}

/** Scorer weights; which fields exist depends on the attention type. */
export interface AttentionWeights {
  type: AttentionConfig['type']
  wa?: tf.Variable // general: [D, Hd]
  wk?: tf.Variable // additive/location: [D, A]
  wq?: tf.Variable // [Hd, A]
  bias?: tf.Variable // [A]
  v?: tf.Variable // [A, 1]
  conv?: tf.Variable // location: [K, 1, F]
  wl?: tf.Variable // location: [F, A]
}

/** Creates the weights `cfg.type` needs. */
export function createAttentionWeights(pb: ParamBuilder, cfg: AttentionConfig, memDim: number, queryDim: number): AttentionWeights {
  const w: AttentionWeights = { type: cfg.type }
  if (cfg.type === 'general') w.wa = pb.uniform('att/wa', [memDim, queryDim], 1 / Math.sqrt(memDim))
  if (cfg.type === 'additive' || cfg.type === 'location') {
    w.wk = pb.uniform('att/wk', [memDim, cfg.dim], 1 / Math.sqrt(memDim))
    w.wq = pb.uniform('att/wq', [queryDim, cfg.dim], 1 / Math.sqrt(queryDim))
    w.bias = pb.filled('att/b', [cfg.dim], 0)
    w.v = pb.uniform('att/v', [cfg.dim, 1], 1 / Math.sqrt(cfg.dim))
  }
  if (cfg.type === 'location') {
    w.conv = pb.uniform('att/conv', [cfg.locKernel, 1, cfg.locFilters], 1 / Math.sqrt(cfg.locKernel))
    w.wl = pb.uniform('att/wl', [cfg.locFilters, cfg.dim], 1 / Math.sqrt(cfg.locFilters))
  }
  return w
}

const need = (v: tf.Variable | undefined, what: string): tf.Variable => {
  if (!v) throw new Error(`attention weight ${what} missing`)
  return v
}

/** keys [B, T', K] · query [B, K] -> [B, T']. */
const dotScores = (mem: AttentionMemory, query: tf.Tensor2D): tf.Tensor2D => contract(mem.keys, mem.keysT, query, 'K')

/** Additive energies v·tanh(keys + W_q h [+ loc]) for additive and location-aware scoring. */
function additiveScores(w: AttentionWeights, keys: tf.Tensor3D, query: tf.Tensor2D, loc: tf.Tensor3D | null): tf.Tensor2D {
  const q = tf.expandDims(tf.add(tf.matMul(query, need(w.wq, 'wq')), need(w.bias, 'b')), 1)
  const pre = (loc ? tf.add(tf.add(keys, q), loc) : tf.add(keys, q)) as tf.Tensor3D // keys [1, T', A] broadcast over a beam
  const [batch, steps, dim] = pre.shape
  const energy = tf.matMul(tf.reshape(tf.tanh(pre), [batch * steps, dim]), need(w.v, 'v'))
  return tf.reshape(energy, [batch, steps])
}

/** Chorowski et al. (2015) location features: conv of the previous alignment, projected to the attention dim. */
function locationFeatures(w: AttentionWeights, prevAlign: tf.Tensor2D): tf.Tensor3D {
  const [batch, steps] = prevAlign.shape
  const conv = need(w.conv, 'conv')
  const f = tf.conv1d(tf.expandDims(prevAlign, 2) as tf.Tensor3D, conv as unknown as tf.Tensor3D, 1, 'same')
  const filters = conv.shape[2]!
  return tf.reshape(tf.matMul(tf.reshape(f, [batch * steps, filters]), need(w.wl, 'wl')), [batch, steps, -1])
}

/**
 * Scorers: dot s = h·S_i; general s = h·W_a S_i; additive s = v·tanh(W_k S_i + W_q h + b) (Bahdanau);
 * location s = v·tanh(W_k S_i + W_q h + U (F * α_{t-1})_i + b) (Chorowski, the speech default).
 */
export function attentionScorer(w: AttentionWeights): AttentionScorer {
  switch (w.type) {
    case 'dot':
      return { prepare: (m) => m, score: (mem, q) => dotScores(mem, q) }
    case 'general':
      return {
        prepare: (m) => tf.reshape(tf.matMul(tf.reshape(m, [-1, m.shape[2]]), need(w.wa, 'wa')), [m.shape[0], m.shape[1], -1]),
        score: (mem, q) => dotScores(mem, q)
      }
    case 'additive':
    case 'location': {
      const prepare = (m: tf.Tensor3D): tf.Tensor3D =>
        tf.reshape(tf.matMul(tf.reshape(m, [-1, m.shape[2]]), need(w.wk, 'wk')), [m.shape[0], m.shape[1], -1])
      return w.type === 'additive'
        ? { prepare, score: (mem, q) => additiveScores(w, mem.keys, q, null) }
        : { prepare, score: (mem, q, prev) => additiveScores(w, mem.keys, q, locationFeatures(w, prev)) }
    }
  }
}
