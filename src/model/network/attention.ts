import * as tf from '@tensorflow/tfjs'
import type { AttentionScorer } from './attention-scorers'
import { contract } from './contract'

/** Per-utterance attention inputs, computed once before decoding. */
export interface AttentionMemory {
  memory: tf.Tensor3D // S [B, T', D]
  memoryT: tf.Tensor3D // Sᵀ [B, D, T'] (for contract)
  keys: tf.Tensor3D // scorer.prepare(S) [B, T', K]
  keysT: tf.Tensor3D // keys transposed [B, K, T'] (dot / general scoring)
  maskBias: tf.Tensor2D // 0 on valid steps, -1e9 on padding [B, T']
  /** One utterance's memory as a matrix [T', D] (B = 1: a beam's rows or a single decode share it); else null. */
  single: tf.Tensor2D | null
}

/** Builds the attention memory for encoder output `memory` with valid lengths. */
export function prepareAttention(scorer: AttentionScorer, memory: tf.Tensor3D, lengths: readonly number[]): AttentionMemory {
  const [batch, steps] = memory.shape
  const bias = new Float32Array(batch * steps)
  lengths.forEach((len, b) => bias.fill(-1e9, b * steps + Math.min(len, steps), (b + 1) * steps))
  const keys = scorer.prepare(memory)
  const t = (x: tf.Tensor3D): tf.Tensor3D => tf.transpose(x, [0, 2, 1])
  return {
    memory, memoryT: t(memory), keys, keysT: keys === memory ? t(memory) : t(keys), maskBias: tf.tensor2d(bias, [batch, steps]),
    single: batch === 1 ? tf.reshape(memory, [steps, memory.shape[2]]) : null
  }
}

/** Uniform alignment over each utterance's valid steps [B, T'] (the location-aware start state). */
export function uniformAlignment(lengths: readonly number[], steps: number): tf.Tensor2D {
  const data = new Float32Array(lengths.length * steps)
  lengths.forEach((len, b) => data.fill(1 / Math.max(1, Math.min(len, steps)), b * steps, b * steps + Math.min(len, steps)))
  return tf.tensor2d(data, [lengths.length, steps])
}

/**
 * The seed's attention: e_i = softmax_i(s(h_t, S_i)) over valid steps, α_t = Σ_i e_i S_i.
 * @param query decoder state h_t [B, Hd]; prevAlign previous e [B, T']
 * @returns context α_t [B, D] and alignment e [B, T'] (for the alignment view)
 */
export function attend(scorer: AttentionScorer, mem: AttentionMemory, query: tf.Tensor2D, prevAlign: tf.Tensor2D): { context: tf.Tensor2D; align: tf.Tensor2D } {
  const align = tf.softmax(tf.add(scorer.score(mem, query, prevAlign), mem.maskBias)) as tf.Tensor2D
  // One utterance's memory is a plain matrix: wasm's 2D matMul (its packed operand made once, not per step) beats
  // the broadcast multiply-and-sum (Sum alone was an eighth of a long beam decode).
  const context = mem.single ? (tf.matMul(align, mem.single) as tf.Tensor2D) : contract(mem.memory, mem.memoryT, align, 'N')
  return { context, align }
}
