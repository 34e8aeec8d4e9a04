import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { Seq2SeqModel } from '../network/seq2seq'
import { tinyModelConfig } from '../testing/tiny-setup'
import { averageModels } from './average-weights'

beforeAll(async () => {
  await tf.setBackend('cpu')
})

const seeded = (seed: number): Seq2SeqModel => Seq2SeqModel.create({ ...tinyModelConfig(), seed })

describe('averageModels', () => {
  it('gives each weight the element-wise mean of the snapshots, leaves them untouched and keeps no tensors', () => {
    const snapshots = [seeded(1), seeded(2), seeded(3)]
    const before = snapshots.map((m) => m.params.get('dec/wo')!.arraySync())
    const tensorsBefore = tf.memory().numTensors
    const averaged = averageModels(snapshots)
    expect(tf.memory().numTensors - tensorsBefore).toBe(averaged.params.size)
    for (const name of ['enc/0/fw/wx', 'att/conv', 'dec/wo', 'ctc/b']) {
      const values = snapshots.map((m) => m.params.get(name)!.dataSync())
      const mean = averaged.params.get(name)!.dataSync()
      expect(mean.length).toBe(values[0]!.length)
      for (const i of [0, Math.floor(mean.length / 2), mean.length - 1]) {
        expect(mean[i]).toBeCloseTo((values[0]![i]! + values[1]![i]! + values[2]![i]!) / 3, 6)
      }
    }
    expect(snapshots.map((m) => m.params.get('dec/wo')!.arraySync())).toEqual(before)
    // seeds differ, so the mean is none of the snapshots
    expect(averaged.params.get('dec/wo')!.arraySync()).not.toEqual(before[0])
    averaged.dispose()
    expect(tf.memory().numTensors).toBe(tensorsBefore)
    snapshots.forEach((m) => m.dispose())
  })

  it('refuses one model, or models whose architecture or CMVN differ', () => {
    const a = seeded(1)
    const wider = Seq2SeqModel.create({ ...tinyModelConfig(), encoder: { ...tinyModelConfig().encoder, units: 40 } })
    const otherCmvn = Seq2SeqModel.create({ ...tinyModelConfig(), cmvn: { mean: Array(80).fill(1), std: Array(80).fill(2) } })
    expect(() => averageModels([a])).toThrow(/at least two/)
    expect(() => averageModels([a, wider])).toThrow(/model 2 differs from model 1/)
    expect(() => averageModels([a, a, otherCmvn])).toThrow(/model 3 differs/)
    for (const m of [a, wider, otherCmvn]) m.dispose()
  })
})
