import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultModelConfig } from '../model/config'
import { describeModelDir } from '../engine/models/model-info'
import { bundledModelDir } from '../engine/paths'
import { isPocketSphinxAvailable, runPocketSphinx } from '../peer/pocketsphinx'
import { EngineProcess } from '../node/engine-process'
import { saveTinyModel } from '../node/testing/tiny-model-dir'
import { synthesize } from '../node/tts'
import { encodeWav16 } from '../node/wav'
import type { DecoderSettings } from '../shared/contract'
import { formatClock } from '../shared/transcript-format'
import { DEFAULT_TEXTS } from './infer-bench'

export interface FilesBenchOptions {
  /** Model directory; default: the bundled model, or an untrained default-config model while none is bundled. */
  modelDir?: string
  decoding?: DecoderSettings
  /** Length of the file timed for RTF, in minutes (default 10). */
  minutes?: number
  /** Length of the file whose peak memory is measured, in hours (default 2; 0 skips it). */
  hours?: number
  /** Also time PocketSphinx on the same file (when installed). Default true. */
  withPeer?: boolean
  log?: (line: string) => void
}

export interface FilesBenchResult {
  rtf: number
  peerRtf: number | null
  /** Peak resident memory of the engine process over the long file, in MB (null: not measured). */
  peakRssMb: number | null
}

const VOICES = ['slt', 'kal16', 'awb', 'rms']
const RATE = 16000

/**
 * File transcription as users run it: the real engine process (`asr.transcribeFile`: streaming decode, VAD
 * segments, batched decoding), on a file of concatenated flite sentences (4 voices, 0.5 s pauses) repeated to
 * `minutes`. RTF = wall seconds / audio seconds after a warm-up file, beside PocketSphinx on the same file in
 * the same run. Peak memory: a fresh engine transcribes the file repeated to `hours` (sox streams the
 * repetition), and its VmHWM (Linux) is read before it stops.
 */
export async function runFilesBench(opts: FilesBenchOptions = {}): Promise<FilesBenchResult> {
  const log = opts.log ?? (() => undefined)
  const hours = opts.hours ?? 2
  const dir = mkdtempSync(join(tmpdir(), 's2s-files-bench-'))
  try {
    const modelDir = opts.modelDir ?? (await defaultModel(dir))
    const round = await speechRound()
    const warmup = writeWav(join(dir, 'warmup.wav'), round.subarray(0, 10 * RATE))
    const file = writeWav(join(dir, 'file.wav'), repeatTo(round, (opts.minutes ?? 10) * 60 * RATE))
    const seconds = durationOf(file)
    log(`files bench: ${formatClock(seconds)} of flite speech (${VOICES.join(', ')}), model ${modelDir ?? 'bundled'}, decoder ${describe(opts.decoding)}`)
    const ours = await timeEngine(dir, [warmup, file], modelDir, opts.decoding)
    const rtf = ours.seconds / seconds
    log(`  s2s engine (${ours.backend}): ${ours.seconds.toFixed(1)} s, RTF ${rtf.toFixed(3)}, ${ours.segments} segments, peak RSS ${ours.peakRssMb ?? 'n/a'} MB`)
    const peer = opts.withPeer === false ? 'skipped' : (await isPocketSphinxAvailable()) ? (await runPocketSphinx([{ id: 'file', audio: file }])).seconds / seconds : 'not installed'
    const peerRtf = typeof peer === 'number' ? peer : null
    log(`RTF s2s ${rtf.toFixed(3)}` + (peerRtf === null ? ` (PocketSphinx ${peer})` : ` PocketSphinx ${peerRtf.toFixed(3)} (same file, same run): s2s ${(peerRtf / rtf).toFixed(2)}x faster (target >= 4x)`))
    let peakRssMb: number | null = null
    if (hours > 0) {
      const long = join(dir, 'long.wav')
      execFileSync('sox', [file, long, 'repeat', String(Math.max(0, Math.ceil((hours * 3600) / seconds) - 1))])
      const run = await timeEngine(dir, [warmup, long], modelDir, opts.decoding)
      peakRssMb = run.peakRssMb
      log(`peak RSS ${peakRssMb ?? 'n/a'} MB over a ${formatClock(durationOf(long))} file (target <= 600 MB; ${run.seconds.toFixed(0)} s, RTF ${(run.seconds / durationOf(long)).toFixed(3)})`)
    }
    return { rtf, peerRtf, peakRssMb }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The bundled model when there is one; else an untrained default-config model written into `dir`. */
async function defaultModel(dir: string): Promise<string | undefined> {
  if (describeModelDir(bundledModelDir()).state === 'ready') return undefined
  const path = join(dir, 'untrained-model')
  await saveTinyModel(path, defaultModelConfig())
  return path
}

/** Each sentence in each voice, 0.5 s of silence after each, as one 16 kHz signal. */
async function speechRound(): Promise<Float32Array> {
  const pause = new Float32Array(RATE / 2)
  const pieces = (await Promise.all(VOICES.map((voice) => synthesize(DEFAULT_TEXTS, voice)))).flat().flatMap((u) => [u.pcm, pause])
  return concat(pieces)
}

function repeatTo(signal: Float32Array, samples: number): Float32Array {
  return concat(Array.from({ length: Math.ceil(samples / signal.length) }, () => signal))
}

function concat(pieces: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(pieces.reduce((n, p) => n + p.length, 0))
  pieces.reduce((at, p) => (out.set(p, at), at + p.length), 0)
  return out
}

function writeWav(path: string, pcm: Float32Array): string {
  writeFileSync(path, encodeWav16(pcm, RATE))
  return path
}

function durationOf(wav: string): number {
  return Number(execFileSync('soxi', ['-D', wav], { encoding: 'utf8' }))
}

function describe(decoding: DecoderSettings | undefined): string {
  return decoding?.decoder ? `${decoding.decoder}${decoding.decoder === 'greedy' ? '' : ` beam ${decoding.beam ?? 8}`}` : 'engine default'
}

/** A fresh engine transcribes `files` in order; the last one is timed. Returns its seconds and the engine's peak RSS. */
async function timeEngine(dir: string, files: string[], modelDir: string | undefined, decoding: DecoderSettings | undefined) {
  const engine = new EngineProcess({ env: { S2S_USER_DATA: join(dir, 'user') }, onStderr: () => undefined })
  try {
    const { backend } = await engine.client.call('engine.info', {})
    let seconds = 0
    let segments = 0
    for (const path of files) {
      const started = performance.now()
      segments = (await engine.client.call('asr.transcribeFile', { path, modelDir, decoding })).segments.length
      seconds = (performance.now() - started) / 1000
    }
    return { backend, seconds, segments, peakRssMb: peakRss(engine.pid) }
  } finally {
    await engine.stop()
  }
}

/** VmHWM of a process in MB (Linux /proc), or null elsewhere. */
function peakRss(pid: number | undefined): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Math.round(Number(kb) / 1024) : null
  } catch {
    return null
  }
}
