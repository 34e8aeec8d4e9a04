import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { timeReduction, type ModelConfig } from '../config'
import { advanceDecoder, embedTokens, initialDecoderState, openDecoderSession, outputLogits, teacherForce } from './decoder'
import { encode } from './encoder'
import { forwardTrain } from './forward'
import { Seq2SeqModel } from './seq2seq'
import { tinyModelConfig } from '../testing/tiny-setup'
import { targetTensors } from '../training/collate'
import { jointLoss } from '../loss/joint-loss'

beforeAll(async () => {
  await tf.setBackend('cpu')
})

function variant(patch: (c: ModelConfig) => void): ModelConfig {
  const cfg = tinyModelConfig()
  patch(cfg)
  return cfg
}

const feats = (): tf.Tensor3D => tf.randomNormal([2, 37, 80], 0, 1, 'float32', 1) as tf.Tensor3D

describe('Seq2SeqModel shapes', () => {
  const cases: [string, ModelConfig][] = [
    ['BiLSTM, stack 4', tinyModelConfig()],
    ['BiGRU, 2 layers with a pyramid (stack 4 x 2)', variant((c) => (c.encoder = { ...c.encoder, cell: 'gru', layers: 2, pyramidAfter: [0] }))],
    ['dot attention (decoder units = 2 x encoder units)', variant((c) => {
      c.attention.type = 'dot'
      c.decoder.units = 2 * c.encoder.units
    })],
    ['general attention', variant((c) => (c.attention.type = 'general'))],
    ['additive attention, no peepholes', variant((c) => {
      c.attention.type = 'additive'
      c.encoder.peepholes = false
      c.decoder.peepholes = false
    })]
  ]
  for (const [name, cfg] of cases) {
    it(`${name}: memory [B, ceil(T / reduction), 2H], logits [B, U, V], finite joint loss`, () => {
      const model = Seq2SeqModel.create(cfg)
      const x = feats()
      tf.tidy(() => {
        const targets = targetTensors([[5, 6, 7], [8]])
        const out = forwardTrain(model, x, [37, 20], targets.yIn)
        const steps = Math.ceil(37 / timeReduction(cfg))
        expect(out.ctcLogits.shape).toEqual([2, steps, 32])
        expect(out.encLengths).toEqual([steps, Math.ceil(20 / timeReduction(cfg))])
        expect(out.attLogits.shape).toEqual([2, 4, 32])
        expect(out.aligns.map((a) => a.shape)).toEqual(Array(4).fill([2, steps]))
        expect(Number.isFinite(jointLoss(out, targets, 0.3, 0.1).total.dataSync()[0])).toBe(true)
      })
      x.dispose()
      model.dispose()
    })
  }

  it('step-by-step decoding reproduces the teacher-forced logits and alignments', () => {
    const model = Seq2SeqModel.create(tinyModelConfig())
    const x = feats()
    tf.tidy(() => {
      const enc = encode(model.encoder, model.config.encoder, x, [37, 30])
      const session = openDecoderSession(model.decoder, model.scorer, enc.memory, enc.lengths)
      const targets = targetTensors([[5, 6, 7], [8, 9, 10]])
      const forced = teacherForce(session, targets.yIn)
      let state = initialDecoderState(session)
      const yIn = targets.yIn.arraySync()
      for (let u = 0; u < 4; u++) {
        state = advanceDecoder(session, embedTokens(session, tf.tensor1d(yIn.map((r) => r[u]!), 'int32')), state)
        const logits = outputLogits(session.weights, state.context, state.h).arraySync()
        const expected = tf.slice(forced.logits, [0, u, 0], [2, 1, 32]).reshape([2, 32]).arraySync() as number[][]
        logits.forEach((row, b) => row.forEach((v, k) => expect(v).toBeCloseTo(expected[b]![k]!, 4)))
        expect(state.align.arraySync()).toEqual(forced.aligns[u]!.arraySync())
      }
    })
    x.dispose()
    model.dispose()
  })

  it('the default config stays far inside the 25 MB weight budget', async () => {
    const { defaultModelConfig } = await import('../config')
    const model = Seq2SeqModel.create(defaultModelConfig())
    expect(model.parameterCount * 4).toBeLessThan(25e6)
    model.dispose()
  })
})
