import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledModelDir } from '../engine/paths'
import { DEFAULT_FINETUNE_OPTIONS, type FinetuneOptions } from '../node/finetune/finetune-config'
import { runFinetuneInWorker } from '../node/finetune/finetune-worker'
import { splitHeldOut } from '../node/finetune/held-out-split'
import { collectUtterances, folderSource } from '../node/finetune/training-data'
import { AppError } from '../shared/errors'

export interface FinetuneBenchOptions {
  /** A folder with manifest.tsv in the shared format (default: the LJSpeech subset, public domain). */
  dataDir: string
  /** The model fine-tuned (default: the bundled one). */
  modelDir?: string
  /** The first `trainCount` rows are the user's data; the rest is the test set. */
  trainCount?: number
  /** Test rows used (default: all the rest). */
  testLimit?: number
  threads?: number
  /** Overrides of the app's defaults (epochs, learning rate, freeze), to measure a candidate default. */
  overrides?: Partial<FinetuneOptions>
  log?: (line: string) => void
}

export interface FinetuneBenchResult {
  werBefore: number
  werAfter: number
  /** (before - after) / before, percent. */
  relativeReduction: number
  wallSeconds: number
  lines: string[]
}

/**
 * The fine-tuning benchmark (issue 8): fine-tune on the first `trainCount` utterances of a one-speaker manifest
 * (20% of them held out for early stopping, as the app does) and measure greedy WER on the remaining rows, which
 * training never sees, before and after. Wall time covers features, both evaluations, training and the save.
 */
export async function runFinetuneBench(opts: FinetuneBenchOptions): Promise<FinetuneBenchResult> {
  const lines: string[] = []
  const log = (line: string): void => {
    lines.push(line)
    opts.log?.(line)
  }
  const modelDir = opts.modelDir ?? bundledModelDir()
  const trainCount = opts.trainCount ?? 100
  const data = await collectUtterances(await folderSource(opts.dataDir), 'manifest.tsv')
  if (data.problems.length > 0) throw new AppError('bad-input', `${opts.dataDir}: ${data.problems[0]}`)
  const own = data.utterances.slice(0, trainCount)
  const test = data.utterances.slice(trainCount, opts.testLimit === undefined ? undefined : trainCount + opts.testLimit)
  const { train, test: dev } = splitHeldOut(own)
  const options = { ...DEFAULT_FINETUNE_OPTIONS, threads: opts.threads ?? 2, ...opts.overrides }
  log(`options: ${options.epochs} epochs at most, peak learning rate ${options.peakLearningRate}, freeze ${options.freeze}, speeds ${options.speeds.join(',')}, ${options.threads} thread(s)`)
  log(`data: ${opts.dataDir}: ${train.length} training + ${dev.length} early-stopping utterances (the first ${trainCount}), ${test.length} test utterances; model ${modelDir}`)
  const outDir = mkdtempSync(join(tmpdir(), 's2s-finetune-bench-'))
  const started = performance.now()
  try {
    const outcome = await runFinetuneInWorker(
      { modelDir, outDir, train, dev, test, options },
      (p) => p.valCer !== null && log(`epoch ${p.epoch} step ${p.step}/${p.maxSteps}: loss ${p.loss?.toFixed(3) ?? 'n/a'}, early-stopping CER ${(100 * p.valCer).toFixed(2)}%`)
    )
    const wallSeconds = (performance.now() - started) / 1000
    const relativeReduction = outcome.werBefore > 0 ? (100 * (outcome.werBefore - outcome.werAfter)) / outcome.werBefore : 0
    log(`stopped by ${outcome.stoppedBy} after ${outcome.steps} steps`)
    log(`WER before ${outcome.werBefore.toFixed(2)}% after ${outcome.werAfter.toFixed(2)}% relative reduction ${relativeReduction.toFixed(1)}% (target >= 30%) wall ${wallSeconds.toFixed(0)} s (target <= 600 s)`)
    return { werBefore: outcome.werBefore, werAfter: outcome.werAfter, relativeReduction, wallSeconds, lines }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}
