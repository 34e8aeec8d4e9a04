import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError } from '../../shared/errors'
import type { FinetuneProgress } from '../../shared/finetune'
import type { FinetuneOutcome, FinetuneWork } from './finetune-run'
import type { FinetuneReply } from './finetune-worker-thread'

/**
 * Runs a fine-tune in a worker thread, so the engine's message loop (dictation, other calls) stays responsive
 * while it trains. Cancelling terminates the thread at once, whatever it is doing: it only ever writes into
 * `work.outDir`, which the caller discards. PCM buffers are transferred, not copied.
 * @throws AppError('not-found') when `work.modelDir` holds no model; DOMException AbortError when `signal` aborts;
 *   Error with the worker's message when it fails
 */
export function runFinetuneInWorker(work: FinetuneWork, onProgress: (p: FinetuneProgress) => void, signal?: AbortSignal): Promise<FinetuneOutcome> {
  signal?.throwIfAborted()
  if (!existsSync(join(work.modelDir, 'model.json'))) throw new AppError('not-found', `There is no model to fine-tune in ${work.modelDir} (no model.json).`)
  const worker = new Worker(workerScript())
  return new Promise<FinetuneOutcome>((resolve, reject) => {
    const settle = (action: () => void): void => {
      signal?.removeEventListener('abort', abort)
      void worker.terminate()
      action()
    }
    const abort = (): void => settle(() => reject(signal!.reason))
    signal?.addEventListener('abort', abort, { once: true })
    worker.on('message', (reply: FinetuneReply) => {
      if (reply.type === 'progress') onProgress(reply.progress)
      else if (reply.type === 'done') settle(() => resolve(reply.outcome))
      else settle(() => reject(new Error(reply.message)))
    })
    worker.on('error', (err) => settle(() => reject(err)))
    worker.on('exit', (code) => settle(() => reject(new Error(`the fine-tune worker stopped (exit ${code})`))))
    const buffers = [...work.train, ...work.test, ...(work.dev ?? [])].map((u) => u.pcm.buffer as ArrayBuffer)
    try {
      worker.postMessage(work, [...new Set(buffers)])
    } catch (err) {
      settle(() => reject(err))
    }
  })
}

/** The compiled worker next to the bundled engine (desktop app: out/main/finetune-worker.js), else the tsx bootstrap. */
function workerScript(): URL {
  const bundled = new URL('./finetune-worker.js', import.meta.url)
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./finetune-worker-entry.mjs', import.meta.url)
}
