import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

/**
 * Where read-only resources (the bundled model) live. The Electron main process sets S2S_RESOURCES for the
 * packaged app; from a source checkout they are in <repo>/resources.
 */
export function resourcesDir(): string {
  return process.env.S2S_RESOURCES ?? fileURLToPath(new URL('../../resources', import.meta.url))
}

/** The bundled model directory. */
export function bundledModelDir(): string {
  return join(resourcesDir(), 'model')
}
