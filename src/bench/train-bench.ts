import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { defaultModelConfig, type ModelConfig } from '../model/config'
import { registerProjectKernels, registerStockKernelsWithMissing } from '../model/kernels/register'
import { Seq2SeqModel } from '../model/network/seq2seq'
import { collate } from '../model/training/collate'
import type { Example, HostBatch } from '../model/training/example'
import { Random } from '../model/training/random'
import { DEFAULT_TRAIN_CONFIG } from '../model/training/train-config'
import { Trainer } from '../model/training/trainer'
import { WorkerShardRunner } from '../node/training/worker-pool'

export interface TrainBenchOptions {
  config?: ModelConfig
  /** Utterances per batch per thread (weak scaling: 2 threads train batches twice as large). */
  batchUtterances?: number
  utteranceSeconds?: number
  /** Timed steps per setting (after one untimed warm-up step). */
  steps?: number
  /** Progress lines as they are produced. */
  log?: (line: string) => void
}

export interface TrainBenchRow {
  kernels: 'stock' | 'project'
  workers: 1 | 2
  secondsPerStep: number
  audioSecondsPerSecond: number
}

/** A batch of synthetic log-mel (lengths ±20% around the mean) with ~14 characters per second of audio. */
function syntheticBatch(cfg: ModelConfig, utterances: number, seconds: number): HostBatch {
  const rng = new Random(7)
  const framesPerSecond = cfg.features.sampleRate / cfg.features.hopSamples
  const examples: Example[] = Array.from({ length: utterances }, (_, i) => {
    const frames = Math.round(seconds * framesPerSecond * (0.8 + 0.4 * rng.next()))
    const data = Float32Array.from({ length: frames * cfg.features.melBands }, () => rng.next() * 2 - 1)
    const tokens = Array.from({ length: Math.round((frames / framesPerSecond) * 14) }, () => 4 + rng.int(cfg.tokens.length - 4))
    return { id: String(i), feats: { frames, dim: cfg.features.melBands, data }, tokens }
  })
  return collate(examples, null, 1 / framesPerSecond)
}

async function measure(cfg: ModelConfig, hb: HostBatch, kernels: TrainBenchRow['kernels'], workers: TrainBenchRow['workers'], steps: number): Promise<TrainBenchRow> {
  if (kernels === 'project') registerProjectKernels()
  else registerStockKernelsWithMissing()
  const model = Seq2SeqModel.create(cfg)
  const trainer = new Trainer(model, { ...DEFAULT_TRAIN_CONFIG, specAugment: null })
  const pool = workers === 2 ? await WorkerShardRunner.start(1, cfg, { projectKernels: kernels === 'project' }) : undefined
  try {
    await trainer.step(hb, pool)
    const started = performance.now()
    for (let i = 0; i < steps; i++) await trainer.step(hb, pool)
    const secondsPerStep = (performance.now() - started) / 1000 / steps
    return { kernels, workers, secondsPerStep, audioSecondsPerSecond: hb.audioSeconds / secondsPerStep }
  } finally {
    await pool?.close()
    trainer.dispose()
    model.dispose()
  }
}

/**
 * Training throughput on the wasm backend: audio-seconds trained per wall-clock second for stock TF.js wasm
 * kernels (plus the one kernel stock lacks to train at all, Conv2DBackpropFilter) vs the project's kernels,
 * on 1 thread vs 2 (main thread + 1 worker, data parallel).
 * Leaves the project kernels registered afterwards.
 * @returns printable lines, the last one the verdict against the targets
 */
export async function runTrainBench(opts: TrainBenchOptions = {}): Promise<{ rows: TrainBenchRow[]; lines: string[] }> {
  const cfg = opts.config ?? defaultModelConfig()
  const utterances = opts.batchUtterances ?? 32
  const seconds = opts.utteranceSeconds ?? 4
  const steps = opts.steps ?? 2
  const log = opts.log ?? (() => {})
  const previous = tf.getBackend()
  await tf.setBackend('wasm')
  const batches = { 1: syntheticBatch(cfg, utterances, seconds), 2: syntheticBatch(cfg, 2 * utterances, seconds) }
  const params = Seq2SeqModel.create(cfg)
  const lines = [`train bench: ${(params.parameterCount / 1e6).toFixed(2)} M parameters, ${utterances} utterances of ~${seconds} s synthetic log-mel per thread per step, wasm, ${steps} timed steps each`]
  params.dispose()
  lines.forEach((l) => log(l))
  const rows: TrainBenchRow[] = []
  for (const [kernels, workers] of [['project', 1], ['project', 2], ['stock', 1], ['stock', 2]] as const) {
    const row = await measure(cfg, batches[workers], kernels, workers, steps)
    rows.push(row)
    const line = `  ${kernels.padEnd(7)} kernels, ${workers} worker${workers > 1 ? 's' : ' '}: ${row.secondsPerStep.toFixed(2).padStart(7)} s/step ${row.audioSecondsPerSecond.toFixed(1).padStart(7)} audio-s/s`
    lines.push(line)
    log(line)
  }
  registerProjectKernels()
  if (previous && previous !== 'wasm') await tf.setBackend(previous)
  const best = rows.reduce((a, b) => (b.audioSecondsPerSecond > a.audioSecondsPerSecond ? b : a))
  const stock = rows.find((r) => r.kernels === 'stock' && r.workers === 1)!
  const ratio = best.audioSecondsPerSecond / stock.audioSecondsPerSecond
  const ok = ratio >= 4 && best.audioSecondsPerSecond >= 100
  lines.push(`best: ${best.kernels} kernels x${best.workers} = ${best.audioSecondsPerSecond.toFixed(1)} audio-s/s, ${ratio.toFixed(1)}x stock x1 (targets: >= 4x and >= 100 audio-s/s: ${ok ? 'met' : 'NOT met'})`)
  log(lines.at(-1)!)
  return { rows, lines }
}
