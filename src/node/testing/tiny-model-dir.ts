import * as tf from '@tensorflow/tfjs'
import { Seq2SeqModel } from '../../model/network/seq2seq'
import { tinyModelConfig } from '../../model/testing/tiny-setup'
import type { ModelConfig } from '../../model/config'
import { saveModelDir } from '../model-files/checkpoint-files'

/**
 * Writes a tiny untrained model directory on the CPU backend: the commands, the engine and
 * the version store must work with any checkpoint, and tests must not need a trained one.
 */
export async function saveTinyModel(path: string, config: ModelConfig = tinyModelConfig()): Promise<void> {
  await tf.setBackend('cpu')
  const model = Seq2SeqModel.create(config)
  try {
    await saveModelDir(model, path)
  } finally {
    model.dispose()
  }
}
