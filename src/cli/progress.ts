import type { EngineApi } from '../shared/rpc-client'

/**
 * Shows a job's progress events on stderr while it runs: an updating line on a terminal, nothing otherwise
 * (logs and pipes stay clean). Returns the unsubscribe function.
 */
export function showProgress(engine: EngineApi, jobId: string, label: string): () => void {
  if (!process.stderr.isTTY) return () => undefined
  const unsubscribe = engine.onEvent((event) => {
    if (event.type === 'progress' && event.jobId === jobId) process.stderr.write(`\r\x1b[K${label}: ${Math.round(event.fraction * 100)}% ${event.message}`)
  })
  return () => {
    unsubscribe()
    process.stderr.write('\r\x1b[K')
  }
}
