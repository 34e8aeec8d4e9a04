import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EngineProcess } from '../node/engine-process'
import { saveTinyModel } from '../node/testing/tiny-model-dir'
import { AppError } from '../shared/errors'
import { writeHostileCorpus, type HostileCase } from './testing/hostile-corpus'

/**
 * Issue 9, item 3: the generated corpus of malformed and odd audio files and manifests through a real engine
 * process (asr.transcribeFile, asr.evaluate) and through the command line. The engine must answer each with a
 * result or a classified one-line reason (never `internal`), within a time limit, and keep running; the
 * command line must exit 0 or 1 with one line per failure and no stack trace.
 */
const bin = fileURLToPath(new URL('../../bin/s2s.mjs', import.meta.url))
const CALL_LIMIT_MS = 30_000
const decoding = { decoder: 'greedy' as const }

let dir: string
let cases: HostileCase[]
let engine: EngineProcess
const env = (): Record<string, string> => ({ S2S_BACKEND: 'cpu', S2S_MODEL_DIR: join(dir, 'model'), S2S_USER_DATA: join(dir, 'user') })

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 's2s-hostile-'))
  await saveTinyModel(join(dir, 'model'))
  mkdirSync(join(dir, 'corpus'))
  cases = writeHostileCorpus(join(dir, 'corpus'))
  engine = new EngineProcess({ env: env(), onStderr: () => undefined })
})
afterAll(() => engine.stop())

/** A call's outcome: 'ok', or the error; a call that outlives the limit counts as a hang. */
async function outcome(call: Promise<unknown>): Promise<'ok' | AppError> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new AppError('internal', 'hang: no answer within the limit')), CALL_LIMIT_MS)))
  try {
    await Promise.race([call, hang])
    return 'ok'
  } catch (err) {
    return err as AppError
  } finally {
    clearTimeout(timer)
  }
}

/** Runs the real `s2s` entry point; resolves with its exit status, signal and stderr. */
function s2s(args: string[]): Promise<{ status: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: tmpdir(), env: { ...process.env, ...env() }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (status, signal) => resolve({ status, signal, stderr }))
  })
}

describe('hostile input', () => {
  it('is a corpus of at least 40 generated files and manifests', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })

  it('through the engine: a result or one classified line per input, and the engine keeps running', async () => {
    const pid = engine.pid
    const problems: string[] = []
    for (const c of cases) {
      const call = c.kind === 'audio' ? engine.client.call('asr.transcribeFile', { path: c.path, decoding }) : engine.client.call('asr.evaluate', { manifest: c.path, decoding })
      const result = await outcome(call)
      const seen = result === 'ok' ? 'ok' : `${result.code}: ${result.message}`
      if (result !== 'ok' && (!['bad-input', 'not-found'].includes(result.code) || /[\r\n]/.test(result.message))) problems.push(`${c.label}: ${seen}`)
      if (c.expect !== 'either' && (result === 'ok' ? 'works' : 'fails') !== c.expect) problems.push(`${c.label}: expected it to ${c.expect === 'works' ? 'work' : 'fail'}, got ${seen}`)
    }
    expect(problems).toEqual([])
    expect(engine.running).toBe(true)
    expect(engine.pid).toBe(pid)
    expect((await engine.client.call('engine.ping', {})).pong).toBe(true)
  }, 300_000)

  it('through the command line: exit 0 or 1, one line per failure, no stack trace', async () => {
    const audio = cases.filter((c) => c.kind === 'audio')
    const transcribe = await s2s(['transcribe', ...audio.map((c) => c.path), '--decoder', 'greedy', '--out', join(dir, 'out')])
    expect(transcribe.signal).toBeNull()
    expect(transcribe.status).toBe(1)
    expect(transcribe.stderr).not.toMatch(/^\s+at /m)
    const failed = transcribe.stderr.split('\n').filter((line) => line.startsWith('s2s transcribe: '))
    expect(failed.length).toBeGreaterThanOrEqual(audio.filter((c) => c.expect === 'fails').length)
    expect(failed.length).toBeLessThanOrEqual(audio.length - audio.filter((c) => c.expect === 'works').length)
    const problems: string[] = []
    for (const c of cases.filter((k) => k.kind === 'manifest')) {
      const run = await s2s(['eval', c.path, '--decoder', 'greedy'])
      const lines = run.stderr.trim().split('\n').filter((line) => line.startsWith('s2s eval: '))
      const wanted = c.expect === 'works' ? [0] : c.expect === 'fails' ? [1] : [0, 1]
      if (run.signal !== null || !wanted.includes(run.status ?? -1) || lines.length !== (run.status === 0 ? 0 : 1) || /^\s+at /m.test(run.stderr)) {
        problems.push(`${c.label}: exit ${run.status ?? run.signal}, ${JSON.stringify(run.stderr.slice(-300))}`)
      }
    }
    expect(problems).toEqual([])
  }, 300_000)
})
