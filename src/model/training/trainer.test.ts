import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { synthesize } from '../../node/tts'
import { loadModel, saveModel } from '../io/checkpoint'
import { registerProjectKernels } from '../kernels/register'
import { Seq2SeqModel } from '../network/seq2seq'
import { Recognizer } from '../recognizer'
import { examplesFrom, tinyModelConfig } from '../testing/tiny-setup'
import { evaluateGreedy } from './evaluate'
import type { Example } from './example'
import { DEFAULT_TRAIN_CONFIG } from './train-config'
import { Trainer } from './trainer'
import type { TrainProgress } from './trainer-state'

const TEXTS = ['yes', 'no', 'stop the music', 'go left', 'turn right now', 'hello world', 'open the door', 'seven eight nine',
  'call my mother', 'good morning']

let model: Seq2SeqModel
let examples: Example[]

beforeAll(async () => {
  await tf.setBackend('wasm')
  registerProjectKernels()
  const cfg = tinyModelConfig()
  examples = examplesFrom(cfg, await synthesize(TEXTS))
  model = Seq2SeqModel.create(cfg)
})
afterAll(() => model.dispose())

describe('training (tiny model, 10 flite utterances, wasm)', () => {
  it('overfits to CER < 5% with greedy decoding, stopping via AbortSignal once there', async () => {
    const abort = new AbortController()
    const seen: TrainProgress[] = []
    const watched: Seq2SeqModel[] = []
    const trainer = new Trainer(model, {
      ...DEFAULT_TRAIN_CONFIG, maxSteps: 400, batchFrames: 100_000, maxBatchUtterances: 10, peakLearningRate: 3e-3,
      warmupSteps: 20, specAugment: null, validateEvery: 25, patience: 100, checkpointEvery: 0
    })
    const result = await trainer.fit(examples, examples, {
      signal: abort.signal,
      onValidated: (validated) => {
        watched.push(validated)
      },
      onProgress: (p) => {
        seen.push(p)
        if (p.devCer !== null && p.devCer < 0.05) abort.abort()
      }
    })
    trainer.dispose()
    const first = seen.find((p) => p.phase === 'training')!
    expect(result.phase).toBe('cancelled')
    expect(seen.at(-1)!.phase).toBe('cancelled')
    expect(seen.at(-1)!.loss).toBeLessThan(first.loss / 2)
    expect(watched.length).toBe(seen.filter((p) => p.devCer !== null).length)
    expect(watched.every((m) => m === model)).toBe(true)
    const evaluation = evaluateGreedy(model, examples)
    expect(evaluation.cer.rate).toBeLessThan(0.05)
  })

  it('save -> load gives identical transcripts, log-probabilities and attention', async () => {
    let saved: tf.io.ModelArtifacts | null = null
    await saveModel(model, tf.io.withSaveHandler(async (art) => {
      saved = art
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }
    }))
    const loaded = await loadModel(tf.io.fromMemory(saved!))
    const [a, b] = [new Recognizer(model), new Recognizer(loaded)]
    const feats = examples.slice(0, 4).map((e) => e.feats)
    expect(b.transcribeBatch(feats)).toEqual(a.transcribeBatch(feats))
    expect(b.transcribe(feats[0]!).text).toBe('yes')
    loaded.dispose()
  })

  it('refuses a checkpoint with another format version', async () => {
    let saved: tf.io.ModelArtifacts | null = null
    await saveModel(model, tf.io.withSaveHandler(async (art) => {
      saved = art
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }
    }))
    const art = saved! as tf.io.ModelArtifacts
    const tampered = { ...art, modelTopology: { ...(art.modelTopology as object), formatVersion: 99 } }
    await expect(loadModel(tf.io.fromMemory(tampered))).rejects.toThrow(/format version 99 cannot be read/)
  })

  it('leaves frozen weights untouched and updates the rest (fine-tuning freezes the speller)', async () => {
    const snapshot = (prefix: string): Float32Array[] => [...model.params].filter(([n]) => n.startsWith(prefix)).map(([, v]) => v.dataSync() as Float32Array)
    const [dec, enc] = [snapshot('dec/'), snapshot('enc/')]
    const trainer = new Trainer(model, { ...DEFAULT_TRAIN_CONFIG, maxSteps: 2, batchFrames: 600, maxBatchUtterances: 4, validateEvery: 0, checkpointEvery: 0, freeze: ['dec/', 'att/'] })
    await trainer.fit(examples.slice(0, 4), [])
    trainer.dispose()
    expect(snapshot('dec/')).toEqual(dec)
    expect(snapshot('enc/')).not.toEqual(enc)
  })

  it('keeps the tensor count constant over 100 greedy decodes and 20 training steps', async () => {
    const rec = new Recognizer(model)
    rec.transcribe(examples[0]!.feats)
    const before = tf.memory().numTensors
    for (let i = 0; i < 100; i++) rec.transcribe(examples[i % 2]!.feats)
    expect(tf.memory().numTensors).toBe(before)
    const trainer = new Trainer(model, { ...DEFAULT_TRAIN_CONFIG, maxSteps: 20, batchFrames: 600, maxBatchUtterances: 4, validateEvery: 10, checkpointEvery: 0 })
    const duringTraining = tf.memory().numTensors
    await trainer.fit(examples.slice(0, 4), examples.slice(0, 2))
    trainer.dispose()
    expect(tf.memory().numTensors).toBe(before)
    expect(duringTraining).toBeGreaterThan(before) // the optimizer's moments exist only while the trainer lives
  })
})
