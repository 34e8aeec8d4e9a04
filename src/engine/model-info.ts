import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ModelInfo } from '../shared/contract'

/**
 * Describes the model in `dir` without loading weights: `none` when there is no model-config.json,
 * `error` when it cannot be read, `ready` otherwise.
 */
export function describeModelDir(dir: string): ModelInfo {
  const configPath = join(dir, 'model-config.json')
  if (!existsSync(configPath)) return { state: 'none', name: null, version: null, detail: `no model in ${dir}` }
  try {
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as { name?: unknown; version?: unknown }
    const name = typeof config.name === 'string' ? config.name : 'unnamed'
    const version = typeof config.version === 'string' ? config.version : null
    return { state: 'ready', name, version, detail: dir }
  } catch (err) {
    return { state: 'error', name: null, version: null, detail: `unreadable model config: ${(err as Error).message}` }
  }
}
