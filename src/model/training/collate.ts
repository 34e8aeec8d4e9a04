import * as tf from '@tensorflow/tfjs'
import type { ModelConfig } from '../config'
import { amplifier, levelGain, utteranceLevel } from '../features/input-level'
import type { TargetTensors } from '../loss/joint-loss'
import { EOS_ID, PAD_ID, SOS_ID } from '../text/vocabulary'
import type { Example, HostBatch } from './example'

/** What turns raw log-mel into the model's input: the model config's input level, CMVN and log floor. */
export type FeatureNormalisation = Pick<ModelConfig, 'cmvn' | 'inputLevel' | 'features'>

/**
 * Pads examples into a HostBatch, normalising on the way: each utterance brought to the input level, then CMVN
 * (each when the normalisation has it; null leaves the features raw).
 * @param frameSeconds duration of one feature frame's hop, for the audio-seconds count
 */
export function collate(examples: readonly Example[], normalisation: FeatureNormalisation | null, frameSeconds: number): HostBatch {
  const dim = examples[0]!.feats.dim
  const frames = Math.max(...examples.map((e) => e.feats.frames))
  const feats = new Float32Array(examples.length * frames * dim)
  const { cmvn = null, inputLevel = null } = normalisation ?? {}
  const logFloor = normalisation?.features.logFloor ?? 0
  examples.forEach((e, b) => {
    const base = b * frames * dim
    const gain = inputLevel ? levelGain(utteranceLevel(e.feats), inputLevel.target) : 0
    const amplify = gain === 0 ? null : amplifier(gain, logFloor)
    for (let i = 0; i < e.feats.frames * dim; i++) {
      const d = i % dim
      const raw = amplify ? amplify(e.feats.data[i]!) : e.feats.data[i]!
      feats[base + i] = cmvn ? (raw - cmvn.mean[d]!) / cmvn.std[d]! : raw
    }
  })
  const featLens = examples.map((e) => e.feats.frames)
  const audioSeconds = featLens.reduce((s, n) => s + n, 0) * frameSeconds
  return { feats, batch: examples.length, frames, dim, featLens, labels: examples.map((e) => e.tokens), audioSeconds }
}

/** Splits a batch into `n` contiguous shards of (nearly) equal utterance counts, dropping empty shards. */
export function shardBatch(hb: HostBatch, n: number): HostBatch[] {
  const shards: HostBatch[] = []
  const per = Math.ceil(hb.batch / n)
  for (let start = 0; start < hb.batch; start += per) {
    const end = Math.min(hb.batch, start + per)
    const featLens = hb.featLens.slice(start, end)
    const frames = Math.max(...featLens)
    const feats = new Float32Array((end - start) * frames * hb.dim)
    for (let b = start; b < end; b++) {
      feats.set(hb.feats.subarray(b * hb.frames * hb.dim, (b * hb.frames + frames) * hb.dim), (b - start) * frames * hb.dim)
    }
    const audioSeconds = (hb.audioSeconds * featLens.reduce((s, x) => s + x, 0)) / hb.featLens.reduce((s, x) => s + x, 0)
    shards.push({ feats, batch: end - start, frames, dim: hb.dim, featLens, labels: hb.labels.slice(start, end), audioSeconds })
  }
  return shards
}

/** Feature tensor [B, T, F] of a host batch (caller disposes). */
export const featureTensor = (hb: HostBatch): tf.Tensor3D => tf.tensor3d(hb.feats, [hb.batch, hb.frames, hb.dim])

/**
 * Decoder input/target tensors: yIn = [sos, y...] and yOut = [y..., eos], padded with pad to the longest
 * label + 1; yMask marks real targets (eos included).
 */
export function targetTensors(labels: readonly number[][]): TargetTensors & { yIn: tf.Tensor2D } {
  const steps = Math.max(...labels.map((l) => l.length)) + 1
  const yIn = new Int32Array(labels.length * steps).fill(PAD_ID)
  const yOut = new Int32Array(labels.length * steps).fill(PAD_ID)
  const mask = new Float32Array(labels.length * steps)
  labels.forEach((l, b) => {
    yIn[b * steps] = SOS_ID
    l.forEach((id, u) => {
      yIn[b * steps + u + 1] = id
      yOut[b * steps + u] = id
    })
    yOut[b * steps + l.length] = EOS_ID
    mask.fill(1, b * steps, b * steps + l.length + 1)
  })
  const shape: [number, number] = [labels.length, steps]
  return { yIn: tf.tensor2d(yIn, shape, 'int32'), yOut: tf.tensor2d(yOut, shape, 'int32'), yMask: tf.tensor2d(mask, shape), labels: labels.map((l) => [...l]) }
}
