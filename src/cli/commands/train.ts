import { existsSync } from 'node:fs'
import { resolve, join } from 'node:path'
import { parseArgs } from 'node:util'
import { prepareTensorRuntime } from '../../engine/backend'
import { formatRate, runTraining } from '../../node/training/train-run'
import type { TrainProgress } from '../../model/training/trainer-state'
import type { AnnealWindow } from '../../model/training/adam'
import { DEFAULT_SPEC_AUGMENT } from '../../model/training/spec-augment'
import { UsageError, type Command } from '../command'
import { numberFlag, positiveIntFlag } from '../number-flags'

const LOG_EVERY_MS = 60_000
/**
 * Joined training examples (2-3 utterances end to end, up to 12 s) added to the corpus: with sentences alone the model read
 * 3 s sentences at 37% WER but four of them joined (12 s) at 91% (greedy, step 8500).
 */
const DEFAULT_JOINED = 4000
/** The corpus's held-out-voice manifest: its CER is logged at each validation, to watch generalisation. */
const HELD_OUT_VOICE = 'dev_synth_heldout_voice.tsv'

/** --anneal FROM:UNTIL, two steps with FROM < UNTIL. */
function annealFlag(value: string | undefined): AnnealWindow | null {
  if (value === undefined) return null
  const match = /^(\d+):(\d+)$/.exec(value)
  const [from, until] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN]
  if (!(from < until)) throw new UsageError(`--anneal takes FROM:UNTIL, two steps with FROM < UNTIL (e.g. 17200:20200), got "${value}"`)
  return { from, until }
}

/** One progress line: where the run is, how fast, and how good. */
function describe(p: TrainProgress): string {
  return `step ${p.step}/${p.maxSteps} epoch ${p.epoch} loss ${p.loss.toFixed(3)} (ctc ${p.ctcLoss.toFixed(3)} ce ${p.ceLoss.toFixed(3)}) lr ${p.learningRate.toExponential(2)} |g| ${p.gradNorm.toFixed(2)} ${p.audioSecondsPerSecond.toFixed(0)} audio-s/s best dev CER ${formatRate(p.bestDevCer)}`
}

export const trainCommand: Command = {
  name: 'train',
  synopsis: 's2s train [--corpus DIR] [--run DIR] [--steps N] [--threads N] [--checkpoint-every N] [--validate-every N] [--patience N] [--joined N] [--spec-augment on|warp|off] [--warp F] [--colour S] [--anneal FROM:UNTIL] [--learning-rate LR] [--init MODEL_DIR [--encoder-units N]]',
  summary: 'train the base model on a corpus made by `npm run corpus`; resumes from RUN/checkpoint',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { corpus: { type: 'string' }, run: { type: 'string' }, steps: { type: 'string' }, 'checkpoint-every': { type: 'string' }, 'validate-every': { type: 'string' }, patience: { type: 'string' }, joined: { type: 'string' }, cache: { type: 'string' }, threads: { type: 'string' }, 'spec-augment': { type: 'string' }, warp: { type: 'string' }, colour: { type: 'string' }, anneal: { type: 'string' }, 'learning-rate': { type: 'string' }, init: { type: 'string' }, 'encoder-units': { type: 'string' } },
      strict: true
    })
    const specAugment = values['spec-augment'] ?? 'on'
    if (specAugment !== 'on' && specAugment !== 'warp' && specAugment !== 'off') throw new UsageError(`--spec-augment must be on, warp or off, got "${specAugment}"`)
    for (const flag of ['warp', 'colour'] as const) {
      if (values[flag] !== undefined && specAugment === 'off') throw new UsageError(`--${flag} needs --spec-augment on or warp (with off nothing is augmented)`)
    }
    const warp = numberFlag(values.warp, 'warp') ?? DEFAULT_SPEC_AUGMENT.warp
    if (!(warp >= 0 && warp < 0.5)) throw new UsageError(`--warp is the band-warp range, from 0 to below 0.5 (e.g. 0.2 for ±20%), got ${values.warp}`)
    const colour = numberFlag(values.colour, 'colour') ?? DEFAULT_SPEC_AUGMENT.colour
    if (!(colour >= 0 && colour <= 1)) throw new UsageError(`--colour is the colouring's height range in standard deviations, from 0 to 1 (e.g. 0.25), got ${values.colour}`)
    const anneal = annealFlag(values.anneal)
    const learningRate = numberFlag(values['learning-rate'], 'learning-rate')
    if (learningRate !== undefined && !(learningRate > 0 && learningRate <= 0.01)) throw new UsageError(`--learning-rate is the peak rate, above 0 and at most 0.01 (e.g. 3e-4), got ${values['learning-rate']}`)
    if (values['encoder-units'] !== undefined && values.init === undefined) throw new UsageError('--encoder-units widens the model given by --init (a resumed run keeps its width)')
    const encoderUnits = positiveIntFlag(values['encoder-units'], 'encoder-units')
    const corpus = resolve(values.corpus ?? 'data/corpus')
    const { backend } = await prepareTensorRuntime(() => undefined)
    console.log(`backend: ${backend}`)
    const controller = new AbortController()
    const stop = (): void => {
      console.log('stopping after this step (resume state is saved every --checkpoint-every steps)')
      controller.abort()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    let lastLog = 0
    const result = await runTraining({
      trainManifest: join(corpus, 'train.tsv'),
      devManifest: join(corpus, 'dev_synth.tsv'),
      ...(existsSync(join(corpus, HELD_OUT_VOICE)) && { watchManifest: join(corpus, HELD_OUT_VOICE) }),
      runDir: resolve(values.run ?? 'training/base'),
      ...(values.init && { init: { modelDir: resolve(values.init), ...(encoderUnits !== undefined && { encoderUnits }) } }),
      cacheDir: resolve(values.cache ?? 'data/cache/features'),
      trainConfig: {
        // The rate is 0 from the anneal's end: no steps past it unless asked for.
        ...(anneal && { anneal, maxSteps: anneal.until }),
        ...(values.steps && { maxSteps: positiveIntFlag(values.steps, 'steps') }),
        ...(learningRate !== undefined && { peakLearningRate: learningRate }),
        checkpointEvery: positiveIntFlag(values['checkpoint-every'], 'checkpoint-every') ?? 100,
        ...(values['validate-every'] && { validateEvery: positiveIntFlag(values['validate-every'], 'validate-every') }),
        // Validations without a better dev CER before stopping early (a run that just changed its augmentation may need more).
        ...(values.patience && { patience: positiveIntFlag(values.patience, 'patience') }),
        // Off speeds up the first epochs of a small-compute run; on regularises once the model aligns; warp keeps only
        // the band warp (new vocal tracts for held-out voices without the masks' harder task), over ±`warp`; either
        // adds the random colouring when `colour` > 0.
        specAugment: specAugment === 'off' ? null : { ...DEFAULT_SPEC_AUGMENT, warp, colour, ...(specAugment === 'warp' && { freqMasks: 0, timeMasks: 0 }) }
      },
      threads: positiveIntFlag(values.threads, 'threads') ?? 2,
      joined: values.joined === '0' ? 0 : (positiveIntFlag(values.joined, 'joined') ?? DEFAULT_JOINED),
      signal: controller.signal,
      log: (line) => console.log(line),
      onProgress: (p) => {
        const now = Date.now()
        if (p.phase === 'training' && p.devCer === null && now - lastLog < LOG_EVERY_MS) return
        lastLog = now
        console.log(p.devCer === null ? describe(p) : `validation at step ${p.step}: dev CER ${formatRate(p.devCer)} (best ${formatRate(p.bestDevCer)})`)
      }
    })
    console.log(`training ${result.phase} at step ${result.state.step}; best dev CER ${formatRate(result.state.bestDevCer)}`)
    return 0
  }
}
