import { fileURLToPath } from 'node:url'
import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where read-only resources (the bundled model) live. The Electron main process sets S2S_RESOURCES for the
 * packaged app; from a source checkout they are in <repo>/resources.
 */
export function resourcesDir(): string {
  return process.env.S2S_RESOURCES ?? fileURLToPath(new URL('../../resources', import.meta.url))
}

/** The bundled model directory; S2S_MODEL_DIR replaces it (tests, and trying a checkpoint in the app). */
export function bundledModelDir(): string {
  return process.env.S2S_MODEL_DIR ?? join(resourcesDir(), 'model')
}

/**
 * The user's own data (recordings, fine-tuned model versions): S2S_USER_DATA when set (the Electron main process
 * passes app.getPath('userData'); tests pass a temp dir), else the XDG data home (~/.local/share/s2s).
 */
export function userDataDir(): string {
  if (process.env.S2S_USER_DATA) return process.env.S2S_USER_DATA
  return join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 's2s')
}
