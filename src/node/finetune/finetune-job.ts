import { setTimeout as sleep } from 'node:timers/promises'
import type { FinetuneProgress, FinetuneResult } from '../../shared/finetune'
import type { ModelVersionStore } from '../model-versions/version-store'
import type { FinetuneOptions } from './finetune-config'
import { runFinetuneInWorker } from './finetune-worker'
import type { Utterance } from './training-data'
import { countOf } from '../../shared/count-of'

export interface FinetuneJob {
  /** The version fine-tuned from (its id is recorded in the new version). */
  base: { id: string; dir: string }
  train: Utterance[]
  test: Utterance[]
  options: FinetuneOptions
  signal?: AbortSignal
  onProgress: (p: FinetuneProgress) => void
}

/**
 * Fine-tunes into a new version of `store`: the worker writes into a staging folder, which is committed (renamed
 * into place with its checksums) only once complete. Killed at any point before that, the process leaves only a
 * staging folder that the store sweeps, and the active version is untouched. Activating is the caller's choice.
 */
export async function finetuneIntoStore(store: ModelVersionStore, job: FinetuneJob): Promise<Omit<FinetuneResult, 'activated'>> {
  const started = performance.now()
  const staged = await store.stage()
  try {
    const outcome = await runFinetuneInWorker({ modelDir: job.base.dir, outDir: staged.dir, train: job.train, test: job.test, options: job.options }, job.onProgress, job.signal)
    await holdSaveOpenForTests()
    job.signal?.throwIfAborted()
    const version = await staged.commit({
      label: `Fine-tuned on ${countOf(job.train.length, 'utterance')}`, base: job.base.id,
      werBefore: outcome.werBefore, werAfter: outcome.werAfter, trainUtterances: job.train.length
    })
    return { version, stoppedBy: outcome.stoppedBy, trainUtterances: job.train.length, testUtterances: job.test.length, werBefore: outcome.werBefore, werAfter: outcome.werAfter, seconds: (performance.now() - started) / 1000 }
  } catch (err) {
    await staged.discard()
    throw err
  }
}

/**
 * Test hook: S2S_FAULT_SAVE_DELAY_MS keeps the save open between writing the weights and committing them, so
 * the crash test can kill the engine in the middle of a save deterministically. Unset in normal use.
 */
async function holdSaveOpenForTests(): Promise<void> {
  const ms = Number(process.env.S2S_FAULT_SAVE_DELAY_MS ?? 0)
  if (ms > 0) await sleep(ms)
}
