import * as tf from '@tensorflow/tfjs'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Seq2SeqModel } from '../../model/network/seq2seq'
import { tinyModelConfig } from '../../model/testing/tiny-setup'
import { collate } from '../../model/training/collate'
import { DEFAULT_TRAIN_CONFIG } from '../../model/training/train-config'
import { Trainer } from '../../model/training/trainer'
import { loadModelDir, loadTrainingCheckpoint, saveModelDir, saveTrainingCheckpoint } from './checkpoint-files'

const dir = mkdtempSync(join(tmpdir(), 's2s-ckpt-'))
beforeAll(async () => {
  await tf.setBackend('cpu')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const example = (frames: number, tokens: number[]) => ({ id: 'x', tokens, feats: { frames, dim: 80, data: Float32Array.from({ length: frames * 80 }, (_, i) => Math.sin(i)) } })

describe('checkpoint directories', () => {
  it('saveModelDir -> loadModelDir restores every weight and the config', async () => {
    const model = Seq2SeqModel.create({ ...tinyModelConfig(), seed: 3 })
    await saveModelDir(model, join(dir, 'm'))
    expect(readdirSync(join(dir, 'm')).sort()).toEqual(['model.bin', 'model.json'])
    const loaded = await loadModelDir(join(dir, 'm'))
    expect(loaded.config).toEqual(model.config)
    for (const [name, v] of model.params) expect(loaded.params.get(name)!.dataSync()).toEqual(v.dataSync())
    model.dispose()
    loaded.dispose()
  })

  it('a resumed trainer continues exactly like an uninterrupted one', async () => {
    const cfg = { ...DEFAULT_TRAIN_CONFIG, maxSteps: 2, batchFrames: 10_000, specAugment: null, validateEvery: 0, checkpointEvery: 0 }
    const data = [example(30, [5, 6]), example(24, [7])]
    const a = Seq2SeqModel.create(tinyModelConfig())
    const trainerA = new Trainer(a, cfg)
    await trainerA.fit(data, [])
    await saveTrainingCheckpoint({ model: a, optimizer: trainerA.optimizer, state: trainerA.state, reason: 'periodic' }, join(dir, 'c'))
    const hb = collate(data, null, 0.01)
    await trainerA.step(hb)
    const { model: b, resume } = await loadTrainingCheckpoint(join(dir, 'c'))
    const trainerB = new Trainer(b, cfg, resume)
    tf.dispose(Object.values(resume.tensors))
    expect(trainerB.state).toEqual({ ...trainerA.state, step: 2 })
    await trainerB.step(hb)
    for (const [name, v] of a.params) expect(b.params.get(name)!.dataSync()).toEqual(v.dataSync())
    trainerA.dispose()
    trainerB.dispose()
    a.dispose()
    b.dispose()
  })
})
