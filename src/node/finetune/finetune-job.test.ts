import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BUNDLED_VERSION, type FinetuneProgress } from '../../shared/finetune'
import { ModelVersionStore } from '../model-versions/version-store'
import { writeImportFolder } from '../testing/import-folder'
import { saveTinyModel } from '../testing/tiny-model-dir'
import { DEFAULT_FINETUNE_OPTIONS } from './finetune-config'
import { finetuneIntoStore } from './finetune-job'
import { splitHeldOut } from './held-out-split'
import { collectUtterances, folderSource, type Utterance } from './training-data'

let bundled: string
let folder: string
beforeAll(async () => {
  process.env.S2S_BACKEND = 'wasm' // the worker makes the engine's backend choice
  bundled = join(mkdtempSync(join(tmpdir(), 's2s-bundled-')), 'model')
  await saveTinyModel(bundled)
  folder = mkdtempSync(join(tmpdir(), 's2s-import-'))
  writeImportFolder(folder)
})

const options = { ...DEFAULT_FINETUNE_OPTIONS, epochs: 2 }
const newStore = (): ModelVersionStore => new ModelVersionStore(mkdtempSync(join(tmpdir(), 's2s-models-')), bundled)
const collect = async (): Promise<Utterance[]> => (await collectUtterances(await folderSource(folder))).utterances

describe('finetuneIntoStore (tiny model, worker thread)', () => {
  it('trains on the good pairs of a folder with broken ones, reporting loss and held-out CER, and commits a version', async () => {
    const store = newStore()
    const { train, test } = splitHeldOut(await collect())
    const seen: FinetuneProgress[] = []
    const result = await finetuneIntoStore(store, { base: { id: BUNDLED_VERSION, dir: bundled }, train, test, options, onProgress: (p) => seen.push(p) })
    expect(result).toMatchObject({ trainUtterances: 3, testUtterances: 1, stoppedBy: 'epochs' })
    expect(result.werBefore).toBeGreaterThanOrEqual(0)
    expect(result.werAfter).toBeGreaterThanOrEqual(0)
    expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['preparing', 'evaluating', 'training', 'validating', 'saving']))
    expect(seen.some((p) => p.loss !== null && Number.isFinite(p.loss))).toBe(true)
    expect(seen.some((p) => p.valCer !== null)).toBe(true)
    expect((await store.list()).versions.map((v) => v.id)).toEqual([BUNDLED_VERSION, result.version.id])
    expect(result.version).toMatchObject({ base: BUNDLED_VERSION, trainUtterances: 3, werBefore: result.werBefore, werAfter: result.werAfter })
  })

  it('cancels at once mid-training and leaves no version and no staging folder behind', async () => {
    const store = newStore()
    const { train, test } = splitHeldOut(await collect())
    const abort = new AbortController()
    const job = finetuneIntoStore(store, {
      base: { id: BUNDLED_VERSION, dir: bundled }, train, test, options: { ...options, epochs: 50 }, signal: abort.signal,
      onProgress: (p) => p.phase === 'training' && abort.abort()
    })
    await expect(job).rejects.toMatchObject({ name: 'AbortError' })
    expect((await store.list()).versions.map((v) => v.id)).toEqual([BUNDLED_VERSION])
    expect(readdirSync(store.dir)).toEqual([])
  })
})
