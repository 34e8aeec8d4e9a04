import * as tf from '@tensorflow/tfjs'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ModelVersionStore } from '../../node/model-versions/version-store'
import { saveTinyModel } from '../../node/testing/tiny-model-dir'
import { tinyModelConfig } from '../../model/testing/tiny-setup'
import { BUNDLED_VERSION } from '../../shared/finetune'
import { ModelService } from './model-service'

let bundled: string
beforeAll(async () => {
  bundled = join(mkdtempSync(join(tmpdir(), 's2s-bundled-')), 'model')
  await saveTinyModel(bundled)
})

/** A store with one committed version whose model has `units` encoder units (so tests can tell models apart). */
async function serviceWithVersion(units: number, edit?: (dir: string) => void): Promise<{ service: ModelService; id: string }> {
  const store = new ModelVersionStore(mkdtempSync(join(tmpdir(), 's2s-models-')), bundled)
  const staged = await store.stage()
  const cfg = tinyModelConfig()
  cfg.encoder.units = units
  await saveTinyModel(staged.dir, cfg)
  edit?.(staged.dir)
  const { id } = await staged.commit({ label: 'v', base: BUNDLED_VERSION, werBefore: null, werAfter: null, trainUtterances: null })
  return { service: new ModelService(store), id }
}

const encoderUnits = (service: ModelService): Promise<number> => service.withRecognizer(undefined, async (r) => r.config.encoder.units)

describe('ModelService', () => {
  it('serves the active version, switches on activate, and lets a running job finish on the old model', async () => {
    const { service, id } = await serviceWithVersion(40)
    const before = tf.memory().numTensors
    expect(await encoderUnits(service)).toBe(48)
    await service.activate(id)
    let release!: () => void
    const running = service.withRecognizer(undefined, (r) => new Promise<number>((resolve) => (release = () => resolve(r.config.encoder.units))))
    await new Promise((resolve) => setTimeout(resolve, 50))
    await service.activate(BUNDLED_VERSION)
    expect(await encoderUnits(service)).toBe(48)
    release()
    expect(await running).toBe(40)
    expect((await service.describe()).detail).toBe(bundled)
    await service.activate(id)
    const params = await service.withRecognizer(undefined, async (r) => r.model.params.size)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(tf.memory().numTensors).toBe(before + params) // only the active recogniser is alive
  })

  it('falls back to the bundled model with a notice when a version cannot be loaded', async () => {
    const { service, id } = await serviceWithVersion(40, (dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as { modelTopology: { formatVersion: number } }
      manifest.modelTopology.formatVersion = 99
      writeFileSync(join(dir, 'model.json'), JSON.stringify(manifest))
    })
    await service.activate(id)
    expect(await encoderUnits(service)).toBe(48)
    expect((await service.describe()).detail).toMatch(new RegExp(`^Model version ${id} cannot be loaded \\(.*format version 99.*\\); using the bundled model\\.$`))
    expect((await service.describe()).notice).toBe((await service.describe()).detail)
  })
})
