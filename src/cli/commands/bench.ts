import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { runFilesBench } from '../../bench/files-bench'
import { runDecoderBench } from '../../bench/decoder-bench'
import { runInferBench } from '../../bench/infer-bench'
import { runLiveBench } from '../../bench/live-bench'
import { runSoakBench } from '../../bench/soak-bench'
import { runTrainBench } from '../../bench/train-bench'
import { runFinetuneBench } from '../../bench/finetune-bench'
import { UsageError, type Command } from '../command'
import { decoderFlagOptions, decoderSettingsFrom } from '../decoder-flags'
import { numberFlag, positiveIntFlag } from '../number-flags'
import type { DecoderSettings } from '../../shared/contract'
import type { FinetuneOptions } from '../../node/finetune/finetune-config'

/** The LJSpeech subset reserved for the fine-tuning benchmark (public domain; see its LJSpeech-README.txt). */
const LJSPEECH_SUBSET = fileURLToPath(new URL('../../../../shared/data/speech/ljspeech_subset', import.meta.url))

/** --epochs, --learning-rate and --speeds of the fine-tuning bench: a candidate default measured before it becomes one. */
function finetuneOverrides(epochs: string | undefined, learningRate: string | undefined, speeds: string | undefined): Partial<FinetuneOptions> {
  const rate = numberFlag(learningRate, 'learning-rate')
  if (rate !== undefined && !(rate > 0 && rate < 1)) throw new UsageError('--learning-rate must be between 0 and 1')
  const factors = speeds?.split(',').map((s) => Number(s))
  if (factors && !factors.every((f) => f >= 0.5 && f <= 2)) throw new UsageError('--speeds takes factors between 0.5 and 2, comma-separated (e.g. 0.9,1,1.1)')
  return { ...(epochs && { epochs: positiveIntFlag(epochs, 'epochs') }), ...(rate !== undefined && { peakLearningRate: rate }), ...(factors && { speeds: factors }) }
}

/** Decoder flags for a dictation session, which takes page-safe settings: the bundled LM, never an LM file. */
function dictationSettingsFrom(values: Parameters<typeof decoderSettingsFrom>[0]): Omit<DecoderSettings, 'lmPath'> {
  const { lmPath, ...settings } = decoderSettingsFrom(values)
  if (lmPath !== undefined) throw new UsageError('dictation benchmarks take --lm bundled, not an LM file')
  return settings
}

export const benchCommand: Command = {
  name: 'bench',
  synopsis: 's2s bench train|infer|decoders|live|soak|files|finetune [--model DIR] [--manifest TSV] [--limit N] [--data DIR] [--train N] [--test N] [--epochs N] [--learning-rate LR] [--speeds F,F] [--minutes M] [--hours H] [decoder flags]',
  summary: 'benchmarks, each against a baseline measured in the same run',
  async run(args) {
    const [which, ...rest] = args
    const { values } = parseArgs({ args: rest, options: { model: { type: 'string' }, minutes: { type: 'string' }, hours: { type: 'string' }, ...decoderFlagOptions, data: { type: 'string' }, train: { type: 'string' }, test: { type: 'string' }, epochs: { type: 'string' }, 'learning-rate': { type: 'string' }, speeds: { type: 'string' }, manifest: { type: 'string' }, limit: { type: 'string' } }, strict: true })
    if (which === 'train') {
      await runTrainBench({ log: (line) => console.log(line) }) // prints each line as it is measured
    } else if (which === 'infer') {
      for (const line of (await runInferBench({ modelDir: values.model && resolve(values.model) })).lines) console.log(line)
    } else if (which === 'finetune') {
      await runFinetuneBench({
        dataDir: values.data ? resolve(values.data) : LJSPEECH_SUBSET, modelDir: values.model && resolve(values.model),
        trainCount: positiveIntFlag(values.train, 'train'), testLimit: positiveIntFlag(values.test, 'test'), log: (line) => console.log(line),
        overrides: finetuneOverrides(values.epochs, values['learning-rate'], values.speeds)
      })
    } else if (which === 'decoders') {
      const limit = positiveIntFlag(values.limit, 'limit')
      const result = await runDecoderBench({ modelDir: values.model && resolve(values.model), manifest: values.manifest && resolve(values.manifest), lm: values.lm && values.lm !== 'bundled' ? resolve(values.lm) : undefined, limit, beam: positiveIntFlag(values.beam, 'beam') })
      for (const line of result.lines) console.log(line)
    } else if (which === 'live') {
      const minutes = numberFlag(values.minutes, 'minutes')
      if ((minutes ?? 0) < 0) throw new UsageError('--minutes must be >= 0')
      await runLiveBench({ modelDir: values.model && resolve(values.model), decoding: dictationSettingsFrom(values), minutes, log: (line) => console.log(line) })
    } else if (which === 'soak') {
      const minutes = numberFlag(values.minutes, 'minutes')
      if ((minutes ?? 1) <= 0) throw new UsageError('--minutes must be > 0')
      await runSoakBench({ modelDir: values.model && resolve(values.model), decoding: dictationSettingsFrom(values), minutes, log: (line) => console.log(line) })
    } else if (which === 'files') {
      const [minutes, hours] = [numberFlag(values.minutes, 'minutes'), numberFlag(values.hours, 'hours')]
      if ((minutes ?? 1) <= 0 || (hours ?? 0) < 0) throw new UsageError('--minutes must be > 0 and --hours >= 0')
      await runFilesBench({ modelDir: values.model && resolve(values.model), decoding: decoderSettingsFrom(values), minutes, hours, log: (line) => console.log(line) })
    } else {
      throw new UsageError(`expected one of train, infer, decoders, live, soak, files, finetune${which ? `, not "${which}"` : ''}`)
    }
    return 0
  }
}
