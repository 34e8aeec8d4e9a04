import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { prepareTensorRuntime } from '../../engine/backend'
import { describeModelDir, MODEL_META_FILE } from '../../engine/models/model-info'
import { averageModels } from '../../model/training/average-weights'
import type { Seq2SeqModel } from '../../model/network/seq2seq'
import { writeFileAtomic } from '../../node/atomic-write'
import { loadModelDir, saveModelDir } from '../../node/model-files/checkpoint-files'
import { UsageError, type Command } from '../command'

export const averageCommand: Command = {
  name: 'average',
  synopsis: 's2s average --out DIR MODEL_DIR MODEL_DIR...',
  summary: "write a model whose weights are the mean of two or more snapshots of one training run (e.g. RUN/validated/step-N)",
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true, strict: true })
    if (!values.out) throw new UsageError('--out DIR is required (the averaged model is written there)')
    if (positionals.length < 2) throw new UsageError(`average needs at least two model folders, got ${positionals.length}`)
    const dirs = positionals.map((p) => resolve(p))
    const out = resolve(values.out)
    if (dirs.includes(out)) throw new UsageError('--out must not be one of the averaged folders')
    await prepareTensorRuntime(() => undefined)
    const models: Seq2SeqModel[] = []
    try {
      for (const dir of dirs) models.push(await loadModelDir(dir))
      const averaged = averageModels(models)
      try {
        await saveModelDir(averaged, out)
      } finally {
        averaged.dispose()
      }
    } finally {
      models.forEach((m) => m.dispose())
    }
    const sources = dirs.map((dir) => describeModelDir(dir))
    const versions = sources.map((s, i) => s.version ?? dirs[i]!)
    // the name of the first snapshot with a meta.json (a bare checkpoint folder has none)
    const meta = { name: sources.find((s) => s.version !== null)?.name ?? 's2s-en', version: `average-of-${dirs.length}-to-${versions.at(-1)}`, averagedFrom: versions, savedAt: new Date().toISOString() }
    await writeFileAtomic(join(out, MODEL_META_FILE), JSON.stringify(meta, null, 2) + '\n')
    console.log(`averaged ${dirs.length} models (${versions.join(', ')}) into ${out}`)
    return 0
  }
}
