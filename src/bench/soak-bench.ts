import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EngineProcess } from '../node/engine-process'
import type { DecoderSettings, EngineStats } from '../shared/contract'
import { mb, modelEnv, PAUSE_SECONDS, quietRoom, RATE, replayAccelerated, speechWithPauses, type Script } from './live-bench'

/** Silence after each pass of the sentences: long enough for the session to sit idle between bursts of speech. */
const SILENCE_SECONDS = 30
/** Minutes of audio between stats lines. */
const STATS_EVERY_MINUTES = 10

export interface SoakBenchOptions {
  /** Model directory; default: the bundled model, else an untrained one. */
  modelDir?: string
  decoding?: DecoderSettings
  /** Minutes of audio replayed (default 60). */
  minutes?: number
  log: (line: string) => void
}

/** One stats line: tensors, RSS, heap, handles. */
function describe(stats: EngineStats): string {
  return `tensors ${stats.tensors}, RSS ${mb(stats.rssBytes)}, heap ${mb(stats.heapUsedBytes)}, handles ${stats.handles}`
}

/** The live bench's sentences with short pauses, then SILENCE_SECONDS of quiet room: mixed speech and silence. */
function withSilence(script: Script): Script {
  const pcm = new Float32Array(script.pcm.length + SILENCE_SECONDS * RATE)
  pcm.set(script.pcm)
  pcm.set(quietRoom(SILENCE_SECONDS, 777), script.pcm.length)
  return { pcm, sentences: script.sentences }
}

/**
 * `npm run bench -- soak`: replays an hour (by default) of mixed speech and silence through one dictation session,
 * as fast as the engine takes it, and prints the engine's tensor count, RSS, heap and open handles after a warm-up
 * minute, every STATS_EVERY_MINUTES, at the end and after the session has closed. Flat means: tensors and handles back to their
 * warm-up values, RSS within 10%.
 */
export async function runSoakBench(opts: SoakBenchOptions): Promise<{ start: EngineStats; end: EngineStats }> {
  const dir = mkdtempSync(join(tmpdir(), 's2s-soak-bench-'))
  const engine = new EngineProcess({ env: { S2S_USER_DATA: join(dir, 'user'), ...(await modelEnv(opts.modelDir, dir)) }, onStderr: () => undefined })
  try {
    const script = withSilence(await speechWithPauses())
    const minutes = opts.minutes ?? 60
    const seconds = Math.ceil(minutes * 60)
    opts.log(`soak: ${minutes} min of ${script.sentences.length} flite sentences (${PAUSE_SECONDS} s pauses) then ${SILENCE_SECONDS} s of silence, looped, through one dictation session, accelerated; model: ${(await engine.client.call('engine.info', {})).model.detail}`)
    const wall = performance.now()
    const warmUp = Math.min(60, seconds) - 1
    const sampleAt = (s: number): boolean => s === warmUp || (s + 1) % (STATS_EVERY_MINUTES * 60) === 0 || s === seconds - 1
    const replay = await replayAccelerated(engine.client, script, minutes, opts.decoding, sampleAt, ({ second, stats }) =>
      opts.log(`  at ${(second / 60).toFixed(1).padStart(5)} min: ${describe(stats)}`)
    )
    opts.log(`  session closed: ${describe(replay.end)}`)
    // Tensors and handles: warm-up vs after the session (a count read mid-session includes requests in flight);
    // RSS: warm-up vs the end of the replay.
    const start = replay.samples[0]!.stats
    const last = replay.samples.at(-1)!.stats
    const rss = ((last.rssBytes - start.rssBytes) / start.rssBytes) * 100
    opts.log(
      `soak: ${(replay.seconds / 60).toFixed(1)} min replayed in ${((performance.now() - wall) / 1000).toFixed(0)} s; tensors ${start.tensors} → ${replay.end.tensors}, handles ${start.handles} → ${replay.end.handles} (warm-up → session closed), RSS ${mb(start.rssBytes)} → ${mb(last.rssBytes)} (${rss >= 0 ? '+' : ''}${rss.toFixed(1)}%; goal: tensors and handles unchanged, RSS within 10%)`
    )
    return { start, end: replay.end }
  } finally {
    await engine.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
