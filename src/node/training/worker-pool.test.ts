import * as tf from '@tensorflow/tfjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Seq2SeqModel } from '../../model/network/seq2seq'
import { tinyModelConfig } from '../../model/testing/tiny-setup'
import { collate } from '../../model/training/collate'
import { DEFAULT_TRAIN_CONFIG } from '../../model/training/train-config'
import { Trainer } from '../../model/training/trainer'
import { WorkerShardRunner } from './worker-pool'

const example = (frames: number, tokens: number[], phase: number) => ({
  id: String(phase), tokens, feats: { frames, dim: 80, data: Float32Array.from({ length: frames * 80 }, (_, i) => Math.sin(i * 0.37 + phase)) }
})
const cfg = { ...DEFAULT_TRAIN_CONFIG, specAugment: null, validateEvery: 0, checkpointEvery: 0 }

let pool: WorkerShardRunner
beforeAll(async () => {
  await tf.setBackend('cpu')
  pool = await WorkerShardRunner.start(1, tinyModelConfig(), { backend: 'cpu', projectKernels: false })
})
afterAll(async () => pool.close())

describe('data-parallel training over worker threads', () => {
  it('a step with the batch split across main thread + 1 worker equals a single-thread step', async () => {
    const hb = collate([example(40, [5, 6, 7], 1), example(32, [8, 9], 2), example(36, [10], 3)], null, 0.01)
    const [single, parallel] = [Seq2SeqModel.create(tinyModelConfig()), Seq2SeqModel.create(tinyModelConfig())]
    const [t1, t2] = [new Trainer(single, cfg), new Trainer(parallel, cfg)]
    const s1 = await t1.step(hb)
    const s2 = await t2.step(hb, pool)
    expect(s2.loss).toBeCloseTo(s1.loss, 3)
    for (const [name, v] of single.params) {
      const a = v.dataSync()
      const b = parallel.params.get(name)!.dataSync()
      expect(Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i]!)))).toBeLessThan(1e-5)
    }
    ;[t1, t2].forEach((t) => t.dispose())
    ;[single, parallel].forEach((m) => m.dispose())
  })
})
