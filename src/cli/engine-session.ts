import { EngineProcess } from '../node/engine-process'
import type { EngineApi } from '../shared/rpc-client'

/**
 * Runs `work` against a fresh engine child process and stops it afterwards. Engine log lines go to stderr only
 * with S2S_VERBOSE=1, so command output stays clean.
 */
export async function withEngine<T>(work: (engine: EngineApi) => Promise<T>): Promise<T> {
  const verbose = process.env.S2S_VERBOSE === '1'
  const engine = new EngineProcess({ onStderr: (text) => verbose && process.stderr.write(text) })
  try {
    return await work(engine.client)
  } finally {
    await engine.stop()
  }
}
