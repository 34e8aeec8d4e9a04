import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { BUNDLED_VERSION, type ModelVersion, type ModelVersionList } from '../../shared/finetune'
import { writeFileAtomic } from '../atomic-write'
import { isDeadLeftover } from '../user-data/leftovers'
import { SerialQueue } from '../user-data/serial-queue'
import { metaBytes, packVersion, parseMetaBytes, unpackVersion } from './version-archive'
import { checksums, MODEL_FILES, verifiedMeta, VERSION_META_FILE, versionOf, type VersionMeta } from './version-meta'

const POINTER_FILE = 'active.json'
const STAGING_PREFIX = '.staging-'

/** The model the engine should use now, and why it is not the chosen one when that one is damaged. */
export interface ActiveModel {
  id: string
  dir: string
  notice: string | null
}

/** A version being written: fill `dir`, then commit (atomic rename into place) or discard. */
export interface StagedVersion {
  dir: string
  commit(info: Omit<ModelVersion, 'id' | 'createdAt'>): Promise<ModelVersion>
  discard(): Promise<void>
}

/** Fields of a version's meta that describe the model itself (name as every model directory has it). */
const MODEL_NAME = 's2s-en'

/**
 * Fine-tuned model versions under <userData>/models: one directory per version (model.json, model.bin and a
 * meta.json with checksums), each written into a `.staging-<pid>-…` sibling and renamed into place, and an
 * `active.json` pointer written atomically. The bundled model is never written; it is the fallback whenever the
 * chosen version is missing or damaged. Staging folders of processes that no longer run are swept on first use.
 */
export class ModelVersionStore {
  readonly #queue = new SerialQueue()
  #swept = false

  constructor(readonly dir: string, readonly bundledDir: string) {}

  versionDir(id: string): string {
    return id === BUNDLED_VERSION ? this.bundledDir : join(this.dir, id)
  }

  /** The chosen version when it is intact, else the bundled model with a one-line notice. */
  async active(): Promise<ActiveModel> {
    await this.#prepared()
    const chosen = await this.#pointer()
    if (chosen === BUNDLED_VERSION) return { id: BUNDLED_VERSION, dir: this.bundledDir, notice: null }
    try {
      await verifiedMeta(this.versionDir(chosen))
      return { id: chosen, dir: this.versionDir(chosen), notice: null }
    } catch (err) {
      return { id: BUNDLED_VERSION, dir: this.bundledDir, notice: damaged(chosen, err) }
    }
  }

  /** Every version, newest last, after the bundled one; damaged versions are left out of the list. */
  async list(): Promise<ModelVersionList> {
    const active = await this.active()
    const versions: ModelVersion[] = [bundledVersion()]
    for (const id of await this.#ids()) {
      const meta = await verifiedMeta(this.versionDir(id)).catch(() => null)
      if (meta) versions.push(versionOf(meta))
    }
    versions.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''))
    return { active: active.id, versions, notice: active.notice }
  }

  /** Makes `id` the active version (BUNDLED_VERSION rolls back). @throws AppError when it is missing or damaged */
  activate(id: string): Promise<void> {
    return this.#queue.run(async () => {
      if (id !== BUNDLED_VERSION) {
        await verifiedMeta(this.versionDir(id)).catch((err: unknown) => {
          throw new AppError('not-found', existsSync(this.versionDir(id)) ? damaged(id, err) : `There is no model version "${id}".`)
        })
      }
      await mkdir(this.dir, { recursive: true })
      await writeFileAtomic(join(this.dir, POINTER_FILE), JSON.stringify({ version: id }))
    })
  }

  /** A fresh staging folder for a new version. */
  async stage(): Promise<StagedVersion> {
    await this.#prepared()
    const id = `ft-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`
    const dir = join(this.dir, `${STAGING_PREFIX}${process.pid}-${id}`)
    await mkdir(dir, { recursive: true })
    return {
      dir,
      commit: (info) => this.#queue.run(async () => {
        const meta: VersionMeta = { ...info, id, createdAt: new Date().toISOString(), name: MODEL_NAME, version: id, sha256: await checksums(dir) }
        await writeFileAtomic(join(dir, VERSION_META_FILE), metaBytes(meta))
        await rename(dir, this.versionDir(id))
        return versionOf(meta)
      }),
      discard: () => rm(dir, { recursive: true, force: true })
    }
  }

  /** One zip archive of a version (the bundled model included) for another machine. */
  async exportArchive(id: string): Promise<Uint8Array> {
    const dir = this.versionDir(id)
    const meta = id === BUNDLED_VERSION
      ? { ...bundledVersion(), name: MODEL_NAME, version: id, sha256: await checksums(dir).catch(() => { throw new AppError('not-found', 'There is no bundled model to export.') }) }
      : await verifiedMeta(dir).catch((err: unknown) => { throw new AppError('not-found', damaged(id, err)) })
    const files = Object.fromEntries(await Promise.all(MODEL_FILES.map(async (f) => [f, new Uint8Array(await readFile(join(dir, f)))] as const)))
    return packVersion({ ...files, [VERSION_META_FILE]: metaBytes(meta) })
  }

  /** Adds the version in an archive made by exportArchive as a new version (not activated). */
  async importArchive(archive: Uint8Array): Promise<ModelVersion> {
    let files
    try {
      files = unpackVersion(archive)
    } catch (err) {
      throw new AppError('bad-input', (err as Error).message)
    }
    const meta = parseMetaBytes(files[VERSION_META_FILE]!) as Partial<VersionMeta>
    const staged = await this.stage()
    try {
      for (const f of MODEL_FILES) await writeFile(join(staged.dir, f), files[f]!)
      const sums = await checksums(staged.dir)
      if (MODEL_FILES.some((f) => meta.sha256?.[f] !== sums[f])) throw new AppError('bad-input', 'The archive is damaged: its weights do not match their checksums.')
      return await staged.commit({
        label: `${typeof meta.label === 'string' ? meta.label : 'model'} (imported)`, base: meta.base ?? null,
        werBefore: meta.werBefore ?? null, werAfter: meta.werAfter ?? null, trainUtterances: meta.trainUtterances ?? null
      })
    } catch (err) {
      await staged.discard()
      throw err
    }
  }

  async #pointer(): Promise<string> {
    try {
      const { version } = JSON.parse(await readFile(join(this.dir, POINTER_FILE), 'utf8')) as { version?: unknown }
      return typeof version === 'string' ? version : BUNDLED_VERSION
    } catch {
      return BUNDLED_VERSION
    }
  }

  async #ids(): Promise<string[]> {
    const entries = await readdir(this.dir, { withFileTypes: true }).catch(() => [])
    return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name)
  }

  /** Removes staging folders and temp files left by processes that are gone (killed mid-save). */
  async #prepared(): Promise<void> {
    if (this.#swept) return
    this.#swept = true
    const entries = await readdir(this.dir).catch(() => [])
    const stale = entries.filter(isDeadLeftover)
    await Promise.all(stale.map((name) => rm(join(this.dir, name), { recursive: true, force: true })))
  }
}

function bundledVersion(): ModelVersion {
  return { id: BUNDLED_VERSION, label: 'Bundled model', createdAt: null, base: null, werBefore: null, werAfter: null, trainUtterances: null }
}

function damaged(id: string, err: unknown): string {
  return `Model version ${id} is damaged (${(err as Error).message}); using the bundled model.`
}
