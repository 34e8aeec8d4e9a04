import { resolve } from 'node:path'
import { loadModelDir } from '../../node/model-files/checkpoint-files'
import { Recognizer } from '../../model/recognizer'
import type { ModelInfo } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import { describeModelDir } from './model-info'

/**
 * Owns the loaded recognisers: the active model is loaded once on first use and kept (Vosk's heavy Model);
 * other directories (`--model DIR`) are loaded for one job and disposed by the caller through `withRecognizer`.
 */
export class ModelService {
  #active: Promise<Recognizer> | null = null

  constructor(private readonly activeDir: string) {}

  describe(): ModelInfo {
    return describeModelDir(this.activeDir)
  }

  /** Runs `work` with the recogniser of `dir` (default: the active model). */
  async withRecognizer<T>(dir: string | undefined, work: (recognizer: Recognizer, info: ModelInfo) => Promise<T>): Promise<T> {
    if (dir === undefined || resolve(dir) === resolve(this.activeDir)) return work(await this.#activeRecognizer(), this.describe())
    const recognizer = await load(dir)
    try {
      return await work(recognizer, describeModelDir(dir))
    } finally {
      recognizer.dispose()
    }
  }

  #activeRecognizer(): Promise<Recognizer> {
    this.#active ??= load(this.activeDir).catch((err: unknown) => {
      this.#active = null
      throw err
    })
    return this.#active
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
