import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ModelConfig } from '../config'
import { jointLoss } from '../loss/joint-loss'
import { tinyModelConfig } from '../testing/tiny-setup'
import { targetTensors } from '../training/collate'
import { forwardTrain } from './forward'
import { Seq2SeqModel } from './seq2seq'
import { widenEncoder } from './widen-encoder'

beforeAll(async () => {
  await tf.setBackend('cpu')
})

const twoLayers = (patch: Partial<ModelConfig['encoder']> = {}): ModelConfig => {
  const cfg = tinyModelConfig()
  cfg.encoder = { ...cfg.encoder, layers: 2, units: 12, ...patch }
  return cfg
}

/** CTC and attention logits of a batch of two random utterances, as plain arrays. */
function outputs(model: Seq2SeqModel): { ctc: Float32Array; att: Float32Array } {
  return tf.tidy(() => {
    const feats = tf.randomNormal([2, 41, 80], 0, 1, 'float32', 5) as tf.Tensor3D
    const out = forwardTrain(model, feats, [41, 23], targetTensors([[5, 6, 7], [8]]).yIn)
    return { ctc: out.ctcLogits.dataSync() as Float32Array, att: out.attLogits.dataSync() as Float32Array }
  })
}

function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length)
  const worst = actual.reduce((m, v, i) => Math.max(m, Math.abs(v - expected[i]!)), 0)
  expect(worst).toBeLessThan(1e-4)
}

describe('widenEncoder', () => {
  const cases: [string, ModelConfig][] = [
    ['2 BiLSTM layers, location attention', twoLayers()],
    ['a pyramid between the layers, general attention', (() => {
      const cfg = twoLayers({ pyramidAfter: [0] })
      cfg.attention = { ...cfg.attention, type: 'general' }
      return cfg
    })()]
  ]
  for (const [name, cfg] of cases) {
    it(`${name}: more parameters, the same CTC and attention outputs`, () => {
      const model = Seq2SeqModel.create({ ...cfg, seed: 4 })
      const before = tf.memory().numTensors
      const wide = widenEncoder(model, 20)
      expect(wide.config.encoder.units).toBe(20)
      expect(wide.parameterCount).toBeGreaterThan(model.parameterCount)
      const [narrow, widened] = [outputs(model), outputs(wide)]
      expectClose(widened.ctc, narrow.ctc)
      expectClose(widened.att, narrow.att)
      wide.dispose()
      expect(tf.memory().numTensors).toBe(before)
      model.dispose()
    })
  }

  it('the new units start silent but get gradients, so training can grow them', () => {
    const model = Seq2SeqModel.create(twoLayers())
    const wide = widenEncoder(model, 20)
    const grads = tf.tidy(() => {
      const targets = targetTensors([[5, 6, 7], [8]])
      const feats = tf.randomNormal([2, 41, 80], 0, 1, 'float32', 5) as tf.Tensor3D
      const ctcW = wide.params.get('ctc/w')!
      const { grads } = tf.variableGrads(() => jointLoss(forwardTrain(wide, feats, [41, 23], targets.yIn), targets, 0.3, 0.1).total as tf.Scalar, [ctcW])
      return grads[ctcW.name]!
    })
    const rows = grads.arraySync() as number[][]
    const newUnitRow = rows[12]! // fw unit 12: the first new one
    expect((wide.params.get('ctc/w')!.arraySync() as number[][])[12]!.every((v) => v === 0)).toBe(true)
    expect(newUnitRow.some((g) => Math.abs(g) > 0)).toBe(true)
    tf.dispose([grads])
    wide.dispose()
    model.dispose()
  })

  it('refuses a narrower width and a GRU encoder with a one-line reason', () => {
    const model = Seq2SeqModel.create(twoLayers())
    expect(() => widenEncoder(model, 8)).toThrow(/at least 12 units/)
    model.dispose()
    const gru = Seq2SeqModel.create(twoLayers({ cell: 'gru' }))
    expect(() => widenEncoder(gru, 20)).toThrow(/only LSTM encoders/)
    gru.dispose()
  })
})
