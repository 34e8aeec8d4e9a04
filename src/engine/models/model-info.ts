import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ModelInfo } from '../../shared/contract'

/** Name and version of a model directory, written next to the weights by the training command. */
export interface ModelMeta {
  name: string
  version: string
}

export const MODEL_META_FILE = 'meta.json'

/**
 * Describes the model in `dir` without loading weights: `none` when there is no model.json, `error` when its
 * metadata cannot be read, `ready` otherwise.
 */
export function describeModelDir(dir: string): ModelInfo {
  if (!existsSync(join(dir, 'model.json'))) return { state: 'none', name: null, version: null, detail: `no model in ${dir}` }
  const metaPath = join(dir, MODEL_META_FILE)
  if (!existsSync(metaPath)) return { state: 'ready', name: 'unnamed', version: null, detail: dir }
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Partial<ModelMeta>
    return { state: 'ready', name: typeof meta.name === 'string' ? meta.name : 'unnamed', version: typeof meta.version === 'string' ? meta.version : null, detail: dir }
  } catch (err) {
    return { state: 'error', name: null, version: null, detail: `unreadable ${MODEL_META_FILE}: ${(err as Error).message}` }
  }
}
