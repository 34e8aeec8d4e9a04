import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { BUNDLED_VERSION } from '../../shared/finetune'
import { saveTinyModel } from '../testing/tiny-model-dir'
import { MAX_ARCHIVE_BYTES } from './version-archive'
import { ModelVersionStore } from './version-store'

let bundled: string
beforeAll(async () => {
  bundled = join(mkdtempSync(join(tmpdir(), 's2s-bundled-')), 'model')
  await saveTinyModel(bundled)
})

async function storeWithVersion(): Promise<{ store: ModelVersionStore; id: string }> {
  const store = new ModelVersionStore(mkdtempSync(join(tmpdir(), 's2s-models-')), bundled)
  const staged = await store.stage()
  await saveTinyModel(staged.dir)
  const version = await staged.commit({ label: 'my voice', base: BUNDLED_VERSION, werBefore: 50, werAfter: 20, trainUtterances: 8 })
  return { store, id: version.id }
}

describe('ModelVersionStore', () => {
  it('lists committed versions after the bundled one, activates them and rolls back', async () => {
    const { store, id } = await storeWithVersion()
    expect((await store.list()).versions.map((v) => v.id)).toEqual([BUNDLED_VERSION, id])
    expect((await store.active()).id).toBe(BUNDLED_VERSION)
    await store.activate(id)
    expect(await store.active()).toEqual({ id, dir: join(store.dir, id), notice: null })
    await store.activate(BUNDLED_VERSION)
    expect((await store.list()).active).toBe(BUNDLED_VERSION)
    await expect(store.activate('ft-nope')).rejects.toThrow(/no model version "ft-nope"/)
  })

  it('falls back to the bundled model with a notice when the active version is damaged', async () => {
    const { store, id } = await storeWithVersion()
    await store.activate(id)
    writeFileSync(join(store.dir, id, 'model.bin'), 'bit rot')
    const active = await store.active()
    expect(active.id).toBe(BUNDLED_VERSION)
    expect(active.dir).toBe(bundled)
    expect(active.notice).toMatch(new RegExp(`^Model version ${id} is damaged \\(model.bin does not match its checksum\\); using the bundled model\\.$`))
    expect((await store.list()).versions.map((v) => v.id)).toEqual([BUNDLED_VERSION])
  })

  it('exports a version as one archive and imports it as a new, intact version', async () => {
    const { store, id } = await storeWithVersion()
    const archive = await store.exportArchive(id)
    const other = new ModelVersionStore(mkdtempSync(join(tmpdir(), 's2s-models-')), bundled)
    const imported = await other.importArchive(archive)
    expect(imported).toMatchObject({ label: 'my voice (imported)', werBefore: 50, werAfter: 20 })
    await other.activate(imported.id)
    expect((await other.active()).id).toBe(imported.id)
    const tampered = archive.slice()
    tampered[Math.floor(tampered.length / 2)]! ^= 0xff
    await expect(other.importArchive(tampered)).rejects.toThrow(/archive/)
    await expect(other.importArchive(new TextEncoder().encode('not a zip'))).rejects.toThrow(/not a model archive/)
    const bomb = zipSync({ 'model.bin': [new Uint8Array(MAX_ARCHIVE_BYTES + 1), { level: 9 }], 'model.json': new Uint8Array(1), 'meta.json': new Uint8Array(1) })
    await expect(other.importArchive(bomb)).rejects.toThrow('not a model archive (model.bin would unpack to 64 MB)')
    expect(readdirSync(other.dir).filter((n) => n.startsWith('.'))).toEqual([])
  })

  it('sweeps the staging folder of a process killed mid-save and keeps the previous active version', async () => {
    const { store, id } = await storeWithVersion()
    await store.activate(id)
    const dead = join(store.dir, '.staging-999999999-ft-half')
    mkdirSync(dead)
    writeFileSync(join(dead, 'model.bin'), 'half')
    const reopened = new ModelVersionStore(store.dir, bundled)
    expect((await reopened.active()).id).toBe(id)
    expect(existsSync(dead)).toBe(false)
  })
})
