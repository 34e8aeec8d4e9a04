import { resolve } from 'node:path'
import { loadModelDir } from '../../node/model-files/checkpoint-files'
import type { ActiveModel, ModelVersionStore } from '../../node/model-versions/version-store'
import { Recognizer } from '../../model/recognizer'
import type { ModelInfo } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import { BUNDLED_VERSION } from '../../shared/finetune'
import { describeModelDir } from './model-info'

/** The loaded active recogniser and the jobs using it; a retired one is disposed when its last user ends. */
interface Loaded {
  model: ActiveModel
  recognizer: Promise<Recognizer>
  users: number
  retired: boolean
}

/**
 * Owns the loaded recognisers: the active model version is loaded once on first use and kept (Vosk's heavy
 * Model); other directories (`--model DIR`) are loaded for one job and disposed by the caller through
 * `withRecognizer`. `activate` switches versions: jobs already running keep the old recogniser until they end.
 * A version that fails to load falls back to the bundled model, and the notice says so.
 */
export class ModelService {
  #loaded: Loaded | null = null
  #notice: string | null = null

  constructor(readonly versions: ModelVersionStore) {}

  /** The active model as the status bar shows it; `detail` carries the fallback notice when there is one. */
  async describe(): Promise<ModelInfo> {
    const active = this.#loaded?.model ?? (await this.versions.active())
    const info = describeModelDir(active.dir)
    const notice = this.#notice ?? active.notice
    return notice ? { ...info, detail: notice, notice } : info
  }

  /** Runs `work` with the recogniser of `dir` (default: the active model). */
  async withRecognizer<T>(dir: string | undefined, work: (recognizer: Recognizer, info: ModelInfo) => Promise<T>): Promise<T> {
    if (dir !== undefined && resolve(dir) !== resolve((await this.versions.active()).dir)) {
      const recognizer = await load(dir)
      try {
        return await work(recognizer, describeModelDir(dir))
      } finally {
        recognizer.dispose()
      }
    }
    const loaded = await this.#active()
    loaded.users++
    try {
      return await work(await loaded.recognizer, await this.describe())
    } finally {
      loaded.users--
      this.#disposeIfUnused(loaded)
    }
  }

  /** Makes `id` the active version and drops the loaded recogniser so the next job loads it. */
  async activate(id: string): Promise<void> {
    await this.versions.activate(id)
    this.#notice = null
    const old = this.#loaded
    this.#loaded = null
    if (old) {
      old.retired = true
      this.#disposeIfUnused(old)
    }
  }

  async #active(): Promise<Loaded> {
    if (this.#loaded) return this.#loaded
    const model = await this.versions.active()
    const loaded: Loaded = { model, recognizer: this.#loadOrFallBack(model), users: 0, retired: false }
    this.#loaded = loaded
    loaded.recognizer.catch(() => {
      if (this.#loaded === loaded) this.#loaded = null
    })
    return loaded
  }

  async #loadOrFallBack(model: ActiveModel): Promise<Recognizer> {
    try {
      return await load(model.dir)
    } catch (err) {
      if (model.id === BUNDLED_VERSION) throw err
      this.#notice = `Model version ${model.id} cannot be loaded (${(err as Error).message}); using the bundled model.`
      model.id = BUNDLED_VERSION
      model.dir = this.versions.bundledDir
      return load(model.dir)
    }
  }

  #disposeIfUnused(loaded: Loaded): void {
    if (loaded.retired && loaded.users === 0) void loaded.recognizer.then((r) => r.dispose(), () => undefined)
  }
}

async function load(dir: string): Promise<Recognizer> {
  const info = describeModelDir(dir)
  if (info.state !== 'ready') throw new AppError('not-found', `No usable model: ${info.detail}.`)
  try {
    return new Recognizer(await loadModelDir(dir))
  } catch (err) {
    throw new AppError('bad-input', `The model in ${dir} cannot be loaded: ${(err as Error).message}`)
  }
}
