import { parentPort } from 'node:worker_threads'
import { prepareTensorRuntime } from '../../engine/backend'
import type { FinetuneProgress } from '../../shared/finetune'
import { runFinetune, type FinetuneOutcome, type FinetuneWork } from './finetune-run'

/** Replies of the fine-tune worker: progress while it runs, then exactly one of done / error. */
export type FinetuneReply =
  | { type: 'progress'; progress: FinetuneProgress }
  | { type: 'done'; outcome: FinetuneOutcome }
  | { type: 'error'; message: string }

const port = parentPort!
port.once('message', async (work: FinetuneWork) => {
  try {
    await prepareTensorRuntime(() => undefined) // same choice as the engine (S2S_BACKEND is inherited)
    const outcome = await runFinetune(work, (progress) => port.postMessage({ type: 'progress', progress } satisfies FinetuneReply))
    port.postMessage({ type: 'done', outcome } satisfies FinetuneReply)
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies FinetuneReply)
  }
})
