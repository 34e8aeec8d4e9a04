import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultModelConfig } from '../model/config'
import { DEFAULT_FEATURE_CONFIG } from '../model/features/feature-config'
import { LogMelStream } from '../model/features/log-mel-stream'
import { describeModelDir } from '../engine/models/model-info'
import { bundledModelDir } from '../engine/paths'
import { EngineProcess } from '../node/engine-process'
import { saveTinyModel } from '../node/testing/tiny-model-dir'
import { synthesize } from '../node/tts'
import type { DecoderSettings, EngineStats } from '../shared/contract'
import { DICTATION_PUSH_FRAMES, type DictationUpdate } from '../shared/dictation'
import type { EngineApi } from '../shared/rpc-client'
import { DEFAULT_TEXTS } from './infer-bench'

export const RATE = 16_000
/** Samples per push, as the renderer sends them (DICTATION_PUSH_FRAMES hops of 10 ms). */
const CHUNK_SAMPLES = DICTATION_PUSH_FRAMES * DEFAULT_FEATURE_CONFIG.hopSamples
const CHUNK_MS = (1000 * CHUNK_SAMPLES) / RATE
export const PAUSE_SECONDS = 1.5

export interface LiveBenchOptions {
  /** Model directory; default: the bundled model, else an untrained one (worst case: it decodes to the length limit). */
  modelDir?: string
  decoding?: DecoderSettings
  /** Minutes of audio for the accelerated memory replay (default 30; 0 skips it). */
  minutes?: number
  log: (line: string) => void
}

/** Sentences with quiet-room pauses between them, and where each sentence starts and ends (samples). */
export interface Script {
  pcm: Float32Array
  sentences: { start: number; end: number }[]
}

/** `seconds` of quiet-room noise (deterministic). */
export function quietRoom(seconds: number, seed = 12345): Float32Array {
  let noise = seed
  return Float32Array.from({ length: seconds * RATE }, () => ((noise = (noise * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) * 2e-3)
}

/** The DEFAULT_TEXTS spoken by flite's slt and awb, each sentence followed by a PAUSE_SECONDS pause. */
export async function speechWithPauses(): Promise<Script> {
  let seed = 12345
  const pause = (): Float32Array => quietRoom(PAUSE_SECONDS, seed++)
  const pieces: Float32Array[] = [pause()]
  const sentences: Script['sentences'] = []
  let at = pieces[0]!.length
  for (const u of [...(await synthesize(DEFAULT_TEXTS, 'slt')), ...(await synthesize(DEFAULT_TEXTS, 'awb'))]) {
    sentences.push({ start: at, end: at + u.pcm.length })
    pieces.push(u.pcm, pause())
    at += u.pcm.length + PAUSE_SECONDS * RATE
  }
  const pcm = new Float32Array(at)
  pieces.reduce((offset, p) => (pcm.set(p, offset), offset + p.length), 0)
  return { pcm, sentences }
}

/** Opens a dictation session on `engine`; resolves with its id once the engine has started it. */
export async function openSession(engine: EngineApi, decoding: DecoderSettings | undefined, onUpdate: (u: DictationUpdate, at: number) => void) {
  const jobId = `live-bench-${Date.now()}`
  let started: (id: string) => void = () => undefined
  const sessionId = new Promise<string>((resolve) => (started = resolve))
  const unsubscribe = engine.onEvent((event) => {
    if (event.type !== 'dictation' || event.jobId !== jobId) return
    if (event.update.kind === 'started') started(event.update.sessionId)
    else onUpdate(event.update, performance.now())
  })
  const done = engine.call('dictation.session', { decoding }, jobId)
  const id = await Promise.race([sessionId, done.then(() => { throw new Error('the session ended before it started') })])
  return {
    push: (features: Float32Array) => engine.call('dictation.push', { sessionId: id, features: Array.from(features) }),
    async stop() {
      await engine.call('dictation.stop', { sessionId: id })
      await done
      unsubscribe()
    }
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

const ms = (v: number): string => (Number.isNaN(v) ? 'n/a' : `${Math.round(v)} ms`)

/**
 * Replays the script at real time through a dictation session, as the renderer would (features computed on the
 * caller side, pushed as often as the renderer pushes them), and measures, per sentence: first partial after speech onset, the interval
 * between partials, and the final after speech end (wall clock, from when the onset/end audio was pushed).
 */
async function measureLatency(engine: EngineApi, script: Script, decoding: DecoderSettings | undefined) {
  const features = new LogMelStream(DEFAULT_FEATURE_CONFIG)
  const pushedAt: number[] = [] // wall time at which sample block k (CHUNK_SAMPLES each) was pushed
  const updates: { update: DictationUpdate; at: number }[] = []
  const session = await openSession(engine, decoding, (update, at) => updates.push({ update, at }))
  const t0 = performance.now()
  for (let k = 0; k * CHUNK_SAMPLES < script.pcm.length; k++) {
    await sleep(t0 + k * CHUNK_MS - performance.now())
    pushedAt.push(performance.now())
    const { data } = features.push(script.pcm.subarray(k * CHUNK_SAMPLES, (k + 1) * CHUNK_SAMPLES))
    void session.push(data)
  }
  await session.stop()
  const wallOf = (sample: number): number => pushedAt[Math.min(pushedAt.length - 1, Math.floor(sample / CHUNK_SAMPLES))]!
  const firstPartial: number[] = []
  const refresh: number[] = []
  const final: number[] = []
  for (const sentence of script.sentences) {
    const overlaps = (u: DictationUpdate): boolean =>
      (u.kind === 'partial' || u.kind === 'final') && u.segment.start * RATE < sentence.end && u.segment.end * RATE > sentence.start
    const partials = updates.filter((e) => e.update.kind === 'partial' && overlaps(e.update) && e.at >= wallOf(sentence.start))
    if (partials[0]) firstPartial.push(partials[0].at - wallOf(sentence.start))
    partials.slice(1).forEach((p, i) => refresh.push(p.at - partials[i]!.at))
    const last = updates.find((e) => e.update.kind === 'final' && overlaps(e.update) && e.at >= wallOf(sentence.end))
    if (last) final.push(last.at - wallOf(sentence.end))
  }
  return { firstPartial, refresh, final, updates: updates.length }
}

/** Engine stats read during a replay, after `second` seconds of audio. */
export interface StatsSample {
  second: number
  stats: EngineStats
}

/**
 * Replays `minutes` of the script (looping) through one dictation session as fast as the engine takes it, a second
 * of audio per push; reads engine.stats after each second for which `sampleAt` is true (handing each to `onSample`
 * as it comes), and once more after the session has ended (`end`).
 */
export async function replayAccelerated(
  engine: EngineApi, script: Script, minutes: number, decoding: DecoderSettings | undefined, sampleAt: (second: number) => boolean, onSample?: (sample: StatsSample) => void
): Promise<{ samples: StatsSample[]; end: EngineStats; seconds: number }> {
  const features = new LogMelStream(DEFAULT_FEATURE_CONFIG)
  const session = await openSession(engine, decoding, () => undefined)
  const samples: StatsSample[] = []
  const seconds = Math.ceil(minutes * 60)
  for (let s = 0; s < seconds; s++) {
    const offset = (s * RATE) % (script.pcm.length - RATE)
    await session.push(features.push(script.pcm.subarray(offset, offset + RATE)).data)
    if (!sampleAt(s)) continue
    samples.push({ second: s + 1, stats: await engine.call('engine.stats', {}) })
    onSample?.(samples.at(-1)!)
  }
  await session.stop()
  return { samples, end: await engine.call('engine.stats', {}), seconds }
}

/** `npm run bench -- live`: dictation latency at real time and memory over a long accelerated replay. */
export async function runLiveBench(opts: LiveBenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 's2s-live-bench-'))
  const engine = new EngineProcess({ env: { S2S_USER_DATA: join(dir, 'user'), ...(await modelEnv(opts.modelDir, dir)) }, onStderr: () => undefined })
  try {
    const script = await speechWithPauses()
    opts.log(`live bench: ${script.sentences.length} flite sentences (slt, awb) with ${PAUSE_SECONDS} s pauses, ${(script.pcm.length / RATE).toFixed(1)} s at real time, model ${opts.modelDir ?? 'bundled'}`)
    const latency = await measureLatency(engine.client, script, opts.decoding)
    opts.log(`first partial after speech onset: median ${ms(quantile(latency.firstPartial, 0.5))}, p95 ${ms(quantile(latency.firstPartial, 0.95))} (goal 400 ms; ${latency.firstPartial.length} sentences)`)
    opts.log(`partial refresh interval:         median ${ms(quantile(latency.refresh, 0.5))}, p95 ${ms(quantile(latency.refresh, 0.95))} (goal 200 ms; ${latency.refresh.length} intervals)`)
    opts.log(`final after speech end:           median ${ms(quantile(latency.final, 0.5))}, p95 ${ms(quantile(latency.final, 0.95))} (goal 600 ms, of which the endpoint wait is 450 ms; ${latency.final.length} sentences)`)
    const minutes = opts.minutes ?? 30
    if (minutes > 0) {
      const wall = performance.now()
      // Stats after a warm-up minute (or at the last second of a shorter replay) and at the end.
      const memory = await replayAccelerated(engine.client, script, minutes, opts.decoding, (s) => s === Math.min(60, Math.ceil(minutes * 60) - 1))
      const start = memory.samples[0]!.stats
      opts.log(`memory: ${(memory.seconds / 60).toFixed(1)} min of audio replayed in ${((performance.now() - wall) / 1000).toFixed(0)} s; engine tensors ${start.tensors} → ${memory.end.tensors}, RSS ${mb(start.rssBytes)} → ${mb(memory.end.rssBytes)} (${(((memory.end.rssBytes - start.rssBytes) / start.rssBytes) * 100).toFixed(1)}%; goal within 10%)`)
    }
  } finally {
    await engine.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

export const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`

/** The engine's model: the given directory, the bundled model, or a fresh untrained one. */
export async function modelEnv(modelDir: string | undefined, dir: string): Promise<Record<string, string>> {
  if (modelDir) return { S2S_MODEL_DIR: modelDir }
  if (describeModelDir(bundledModelDir()).state === 'ready') return {}
  const path = join(dir, 'untrained-model')
  await saveTinyModel(path, defaultModelConfig())
  return { S2S_MODEL_DIR: path }
}
