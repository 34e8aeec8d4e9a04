import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { loadAudioFile } from '../engine/audio/decode-audio'
import { bundledLmPath } from '../engine/decoding-options'
import { readManifestFile } from '../engine/data/manifest-file'
import { defaultModelConfig } from '../model/config'
import { charErrorRate, wordErrorRate } from '../model/decoding/metrics'
import type { DecodeOptions } from '../model/decoding/decode-options'
import type { FeatureMatrix } from '../model/features/feature-config'
import { registerProjectKernels } from '../model/kernels/register'
import { parseArpa } from '../model/lm/arpa'
import type { NgramLm } from '../model/lm/ngram-lm'
import { Seq2SeqModel } from '../model/network/seq2seq'
import { Recognizer } from '../model/recognizer'
import { normalizeText } from '../model/text/normalizer'
import { loadModelDir } from '../node/model-files/checkpoint-files'
import { synthesize } from '../node/tts'

export interface DecoderBenchOptions {
  /** Model directory; default: a fresh untrained model of the default config (figures then mean nothing). */
  modelDir?: string
  /** Manifest to score (e.g. data/corpus/dev_synth.tsv); default: a few flite sentences. */
  manifest?: string
  /** ARPA LM for the fused row; default resources/lm/en-3gram.arpa when present. */
  lm?: string
  /** First N manifest rows (default 100). */
  limit?: number
  beam?: number
  /** Timed passes per configuration (median taken; default 3). */
  passes?: number
}

/** One decoder configuration's scores. */
export interface DecoderBenchRow {
  name: string
  wer: number
  cer: number
  /** Decoding seconds (log-mel excluded) / audio seconds, one utterance at a time (median of the passes). */
  rtf: number
}

const DEFAULT_TEXTS = ['the quick brown fox jumps over the lazy dog', 'open the window and turn off the lights',
  'set an alarm for seven thirty tomorrow morning', 'it was the best of times it was the worst of times']

async function loadUtterances(opts: DecoderBenchOptions): Promise<{ pcm: Float32Array; reference: string }[]> {
  if (!opts.manifest) return (await synthesize(DEFAULT_TEXTS)).map((u) => ({ pcm: u.pcm, reference: u.text }))
  const rows = (await readManifestFile(opts.manifest)).slice(0, opts.limit ?? 100)
  return Promise.all(rows.map(async (row) => ({ pcm: (await loadAudioFile(row.audioPath)).pcm, reference: normalizeText(row.transcript) })))
}

async function loadLm(path: string | undefined): Promise<NgramLm | null> {
  const file = path ?? (existsSync(bundledLmPath()) ? bundledLmPath() : null)
  return file ? parseArpa(await readFile(file, 'utf8')) : null
}

/** Decodes every utterance with `options`; returns the transcripts and the seconds it took. */
function timedPass(recognizer: Recognizer, feats: readonly FeatureMatrix[], options: Partial<DecodeOptions>): { texts: string[]; seconds: number } {
  const started = performance.now()
  const texts = feats.map((f) => recognizer.decode(f, options).text)
  return { texts, seconds: (performance.now() - started) / 1000 }
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * Scores every configuration, timing each over `passes` interleaved passes (config 1, 2, ..., then again) and
 * taking the median, so a burst of load elsewhere on the machine skews no single configuration.
 */
function scoreAll(configs: readonly [string, Partial<DecodeOptions>][], recognizer: Recognizer, feats: readonly FeatureMatrix[],
  references: readonly string[], audioSeconds: number, passes: number): DecoderBenchRow[] {
  for (const [, options] of configs) recognizer.decode(feats[0]!, options) // warm-up (kernel setup, JIT)
  const runs = Array.from({ length: passes }, () => configs.map(([, options]) => timedPass(recognizer, feats, options)))
  return configs.map(([name], c) => {
    const pairs = references.map((r, i): [string, string] => [r, runs[0]![c]!.texts[i]!])
    const rtf = median(runs.map((pass) => pass[c]!.seconds)) / audioSeconds
    return { name, wer: 100 * wordErrorRate(pairs).rate, cer: 100 * charErrorRate(pairs).rate, rtf }
  })
}

/**
 * Decoder comparison on one manifest (wasm backend with the project kernels): WER/CER of greedy, attention
 * beam, joint CTC/attention beam and joint beam with LM fusion, and the decoding RTF of each beside greedy's.
 * @returns the rows and printable lines; the last line states the beam-vs-greedy RTF ratio (goal: within 3x)
 */
export async function runDecoderBench(opts: DecoderBenchOptions = {}): Promise<{ rows: DecoderBenchRow[]; lines: string[] }> {
  await tf.setBackend('wasm')
  registerProjectKernels()
  const model = opts.modelDir ? await loadModelDir(opts.modelDir) : Seq2SeqModel.create(defaultModelConfig())
  const recognizer = new Recognizer(model)
  try {
    const utterances = await loadUtterances(opts)
    const lm = await loadLm(opts.lm)
    const feats = utterances.map((u) => recognizer.features(u.pcm))
    const references = utterances.map((u) => u.reference)
    const audioSeconds = utterances.reduce((s, u) => s + u.pcm.length, 0) / 16000
    const beam = opts.beam ?? 8
    const configs: [string, Partial<DecodeOptions>][] = [
      ['greedy', { decoder: 'greedy' }],
      [`attention beam ${beam}`, { decoder: 'beam', beam }],
      [`joint beam ${beam}`, { decoder: 'joint', beam }],
      ...(lm ? [[`joint beam ${beam} + LM`, { decoder: 'joint', beam, lm }] as [string, Partial<DecodeOptions>]] : [])
    ]
    const rows = scoreAll(configs, recognizer, feats, references, audioSeconds, opts.passes ?? 3)
    const greedy = rows[0]!
    const lines = [`decoder bench: ${utterances.length} utterances, ${audioSeconds.toFixed(1)} s of audio, ${opts.manifest ?? 'flite sentences'}, ` +
      `${opts.modelDir ?? 'untrained default model'}, LM ${lm ? (opts.lm ?? bundledLmPath()) : 'none'}, wasm, median of ${opts.passes ?? 3} interleaved passes`]
    for (const r of rows) lines.push(`  ${r.name.padEnd(22)} WER ${r.wer.toFixed(2).padStart(6)}%  CER ${r.cer.toFixed(2).padStart(6)}%  RTF ${r.rtf.toFixed(4)} (${(r.rtf / greedy.rtf).toFixed(2)}x greedy)`)
    const worstBeam = Math.max(...rows.slice(1).map((r) => r.rtf / greedy.rtf))
    lines.push(`beam ${beam} RTF within ${worstBeam.toFixed(2)}x of greedy (goal <= 3x: ${worstBeam <= 3 ? 'met' : 'NOT met'})`)
    return { rows, lines }
  } finally {
    recognizer.dispose()
  }
}
