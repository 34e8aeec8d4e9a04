import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { bundledModelDir, userDataDir } from '../../engine/paths'
import { DEFAULT_FINETUNE_OPTIONS, type FinetuneOptions } from '../../node/finetune/finetune-config'
import { finetuneIntoStore } from '../../node/finetune/finetune-job'
import { runFinetuneInWorker } from '../../node/finetune/finetune-worker'
import { splitHeldOut } from '../../node/finetune/held-out-split'
import { collectFromPath } from '../../node/finetune/training-data'
import { replaceDirectoryAtomically } from '../../node/model-files/fs-io'
import { ModelVersionStore } from '../../node/model-versions/version-store'
import { writeFileAtomic } from '../../node/atomic-write'
import { AppError } from '../../shared/errors'
import { MAX_FINETUNE_EPOCHS, type FinetuneProgress } from '../../shared/finetune'
import { UsageError, type Command } from '../command'
import { positiveIntFlag } from '../number-flags'

/** Validation lines as they come; the rest of the progress stays quiet. */
function logProgress(p: FinetuneProgress): void {
  if (p.valCer !== null) console.log(`epoch ${p.epoch} step ${p.step}/${p.maxSteps}: loss ${p.loss?.toFixed(3) ?? 'n/a'}, held-out CER ${(100 * p.valCer).toFixed(2)}%`)
  else if (p.phase !== 'training' && p.phase !== 'validating') console.log(`${p.phase}: ${p.message}`)
}

export const finetuneCommand: Command = {
  name: 'finetune',
  synopsis: 's2s finetune --data DIR|MANIFEST [--out DIR] [--model DIR] [--epochs N] [--threads N]',
  summary: 'fine-tune on your recordings (audio+.txt pairs or a TSV manifest); prints before/after WER',
  async run(args) {
    const { values } = parseArgs({ args, options: { data: { type: 'string' }, out: { type: 'string' }, model: { type: 'string' }, epochs: { type: 'string' }, threads: { type: 'string' } }, strict: true })
    if (!values.data) throw new UsageError('--data DIR|MANIFEST is required')
    const epochs = positiveIntFlag(values.epochs, 'epochs') ?? DEFAULT_FINETUNE_OPTIONS.epochs
    if (epochs > MAX_FINETUNE_EPOCHS) throw new UsageError(`--epochs is at most ${MAX_FINETUNE_EPOCHS} (the app's limit; early stopping usually ends a fine-tune within 20), got ${epochs}`)
    const options: FinetuneOptions = { ...DEFAULT_FINETUNE_OPTIONS, epochs, threads: positiveIntFlag(values.threads, 'threads') ?? 2 }
    const data = await collectFromPath(resolve(values.data))
    for (const problem of data.problems) console.error(`skipped: ${problem}`)
    if (data.utterances.length < 2) throw new AppError('bad-input', `${values.data}: ${data.utterances.length} usable utterance(s); fine-tuning needs at least 2`)
    const { train, test } = splitHeldOut(data.utterances)
    console.log(`data: ${train.length} training and ${test.length} held-out utterances (${data.problems.length} skipped)`)
    const store = new ModelVersionStore(join(userDataDir(), 'models'), bundledModelDir())
    const base = values.model ? { id: resolve(values.model), dir: resolve(values.model) } : await store.active()
    const controller = new AbortController()
    process.once('SIGINT', () => controller.abort())
    let result: { werBefore: number; werAfter: number }
    if (values.out) {
      const out = resolve(values.out)
      await replaceDirectoryAtomically(out, async (tmp) => {
        result = await runFinetuneInWorker({ modelDir: base.dir, outDir: tmp, train, test, options }, logProgress, controller.signal)
        await writeFileAtomic(join(tmp, 'meta.json'), `${JSON.stringify({ name: 's2s-en', version: `finetuned-${new Date().toISOString()}`, base: base.id, ...result })}\n`)
      })
      console.log(`model written to ${out}`)
    } else {
      const saved = await finetuneIntoStore(store, { base, train, test, options, signal: controller.signal, onProgress: logProgress })
      result = saved
      if (saved.werAfter <= saved.werBefore) {
        await store.activate(saved.version.id)
        console.log(`saved as version ${saved.version.id} (now active; roll back in the app or with the bundled version)`)
      } else {
        console.log(`saved as version ${saved.version.id}, not activated: it is worse than before on the held-out utterances`)
      }
    }
    console.log(`WER before ${result!.werBefore.toFixed(2)}% after ${result!.werAfter.toFixed(2)}% on ${test.length} held-out utterances`)
    return 0
  }
}
