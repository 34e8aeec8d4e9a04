import { DEFAULT_FINETUNE_OPTIONS } from '../../node/finetune/finetune-config'
import { finetuneIntoStore } from '../../node/finetune/finetune-job'
import { splitHeldOut } from '../../node/finetune/held-out-split'
import type { Utterance } from '../../node/finetune/training-data'
import type { RecordingStore } from '../../node/user-data/recording-store'
import { AppError } from '../../shared/errors'
import { MIN_FINETUNE_UTTERANCES } from '../../shared/finetune'
import type { MethodHandlers } from '../methods'
import type { ModelService } from '../models/model-service'
import { loadAudioFile } from '../audio/decode-audio'

/**
 * finetune.start: fine-tunes the active version on every recording (one job at a time), pushing `finetune`
 * events, then saves the new version and activates it when it is no worse on the held-out recordings. Training runs in a worker thread (see finetune-worker.ts),
 * so dictation and other calls go on meanwhile; cancelling stops it at once and keeps the active version.
 */
export function finetuneHandler(models: ModelService, recordings: RecordingStore): MethodHandlers['finetune.start'] {
  let running = false
  return async ({ epochs, freeze }, ctx) => {
    if (running) throw new AppError('bad-request', 'A fine-tune is already running.')
    running = true
    try {
      const stored = await recordings.list()
      if (stored.length < MIN_FINETUNE_UTTERANCES) throw new AppError('bad-input', `Record or import at least ${MIN_FINETUNE_UTTERANCES} utterances first (one is held out to measure the result); there are ${stored.length}.`)
      const utterances: Utterance[] = []
      for (const r of stored) utterances.push({ name: r.id, text: r.text, pcm: (await loadAudioFile(recordings.audioPath(r.id))).pcm })
      const { train, test } = splitHeldOut(utterances)
      const base = await models.versions.active()
      const result = await finetuneIntoStore(models.versions, {
        base, train, test, signal: ctx.signal,
        options: { ...DEFAULT_FINETUNE_OPTIONS, ...(epochs && { epochs }), ...(freeze && { freeze }) },
        onProgress: (progress) => {
          ctx.emit({ type: 'finetune', progress })
          ctx.progress(progress.maxSteps > 0 ? progress.step / progress.maxSteps : 0, progress.message)
        }
      })
      // A fine-tune that made the held-out part worse is kept as a version to inspect, but not switched to.
      const activated = result.werAfter <= result.werBefore
      if (activated) await models.activate(result.version.id)
      return { ...result, activated }
    } finally {
      running = false
    }
  }
}
