import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { registerProjectKernels } from '../../model/kernels/register'
import { describeModelDir } from '../../engine/models/model-info'
import { saveTinyModel } from '../testing/tiny-model-dir'
import { synthesize } from '../tts'
import { DEFAULT_FINETUNE_OPTIONS } from './finetune-config'
import { runFinetune } from './finetune-run'

it('runFinetune leaves no tensor behind and writes a loadable model (on the calling thread)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 's2s-ftrun-'))
  await saveTinyModel(join(dir, 'base'))
  await tf.setBackend('wasm')
  registerProjectKernels()
  const [a, b, c] = (await synthesize(['open the door', 'turn left', 'good morning'])).map((u, i) => ({ name: String(i), ...u }))
  const before = tf.memory().numTensors
  const outcome = await runFinetune({ modelDir: join(dir, 'base'), outDir: join(dir, 'out'), train: [a!, b!], test: [c!], options: { ...DEFAULT_FINETUNE_OPTIONS, epochs: 2 } }, () => undefined)
  expect(tf.memory().numTensors).toBe(before)
  expect(outcome.steps).toBeGreaterThan(0)
  expect(describeModelDir(join(dir, 'out')).state).toBe('ready')
})
