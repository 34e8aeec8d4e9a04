import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EngineProcess } from '../node/engine-process'
import { saveTinyModel } from '../node/testing/tiny-model-dir'
import { UPLOAD_CHUNK_BYTES, type EngineEvent } from '../shared/contract'
import type { EngineApi } from '../shared/rpc-client'
import { newJobId } from '../shared/rpc-client'
import type { Transcript } from '../shared/transcript'
import { AudioFixtures, type AudioCase } from './audio/testing/audio-fixtures'

/**
 * Acceptance 2 of issue 7: the bad-input list through the command line and through the engine the pages use
 * (chunked upload + asr.transcribeUpload). The model is a tiny untrained one, so transcripts are checked for
 * shape (length, segment bounds, segments of at most 20 s), not words.
 */
const bin = fileURLToPath(new URL('../../bin/s2s.mjs', import.meta.url))
const REPEATS = 30 // the long file: the sentence said 30 times without a pause (~40 s: two cuts at 20 s)

let dir: string
let cases: AudioCase[]
let engine: EngineProcess

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 's2s-bad-input-'))
  await saveTinyModel(join(dir, 'model'))
  cases = new AudioFixtures(dir).badInputCases(REPEATS)
  engine = new EngineProcess({ env: { S2S_BACKEND: 'cpu', S2S_MODEL_DIR: join(dir, 'model'), S2S_USER_DATA: join(dir, 'user') }, onStderr: () => undefined })
})
afterAll(() => engine.stop())

/** Checks a transcript against a case that must transcribe. */
function expectTranscript(transcript: Transcript, seconds: number, label: string): void {
  expect(transcript.durationSeconds, label).toBeCloseTo(seconds, 0)
  let previousEnd = 0
  for (const segment of transcript.segments) {
    expect(segment.start, label).toBeGreaterThanOrEqual(previousEnd - 0.2)
    expect(segment.end - segment.start, label).toBeLessThanOrEqual(20)
    expect(segment.end, label).toBeLessThanOrEqual(transcript.durationSeconds + 0.05)
    previousEnd = segment.end
  }
}

/** Uploads a file in UPLOAD_CHUNK_BYTES pieces and transcribes it, collecting its streamed segments. */
async function transcribeUpload(api: EngineApi, path: string): Promise<{ transcript: Transcript; streamed: number }> {
  const bytes = readFileSync(path)
  const { uploadId } = await api.call('upload.begin', { name: basename(path), size: bytes.length })
  for (let at = 0; at < bytes.length; at += UPLOAD_CHUNK_BYTES) {
    await api.call('upload.chunk', { uploadId, offset: at, data: bytes.subarray(at, at + UPLOAD_CHUNK_BYTES).toString('base64') })
  }
  const jobId = newJobId('upload')
  let streamed = 0
  const stop = api.onEvent((event: EngineEvent) => void (event.type === 'transcript-segment' && event.jobId === jobId && streamed++))
  try {
    return { transcript: await api.call('asr.transcribeUpload', { uploadId, decoding: { decoder: 'greedy' } }, jobId), streamed }
  } finally {
    stop()
  }
}

describe('bad input through the engine (what pages use)', () => {
  it('gives each file its transcript or a one-line reason, streams segments, and keeps serving', async () => {
    for (const { label, path, expected } of cases) {
      const outcome = await transcribeUpload(engine.client, path).catch((err: Error) => err)
      if ('error' in expected) {
        expect(outcome, label).toBeInstanceOf(Error)
        expect((outcome as Error).message, label).toMatch(expected.error)
      } else {
        expect(outcome, label).not.toBeInstanceOf(Error)
        const { transcript, streamed } = outcome as { transcript: Transcript; streamed: number }
        expectTranscript(transcript, expected.seconds, label)
        expect(streamed, label).toBe(transcript.segments.length)
      }
    }
    expect((await engine.client.call('engine.ping', {})).pong).toBe(true)
  })

  it('cancels a transcription and deletes its upload', async () => {
    const long = cases.at(-1)!.path
    const bytes = readFileSync(long)
    const { uploadId } = await engine.client.call('upload.begin', { name: 'long.wav', size: bytes.length })
    for (let at = 0; at < bytes.length; at += UPLOAD_CHUNK_BYTES) {
      await engine.client.call('upload.chunk', { uploadId, offset: at, data: bytes.subarray(at, at + UPLOAD_CHUNK_BYTES).toString('base64') })
    }
    const jobId = newJobId('cancel')
    const stop = engine.client.onEvent((event) => event.type === 'progress' && event.jobId === jobId && engine.client.cancel(jobId))
    await expect(engine.client.call('asr.transcribeUpload', { uploadId, decoding: { decoder: 'greedy' } }, jobId)).rejects.toMatchObject({ code: 'cancelled' })
    stop()
    expect(await engine.client.call('upload.discard', { uploadId })).toEqual({ discarded: false })
  })
})

describe('bad input through the command line', () => {
  it('writes a transcript for each good file and one line per bad one, in order, and exits 1', () => {
    const out = join(dir, 'out')
    const result = spawnSync(process.execPath, [bin, 'transcribe', ...cases.map((c) => c.path), '--model', join(dir, 'model'), '--decoder', 'greedy', '--format', 'json', '--out', out], {
      cwd: tmpdir(), encoding: 'utf8', env: { ...process.env, S2S_BACKEND: 'cpu' }, timeout: 300_000
    })
    expect(result.status).toBe(1)
    const failures = result.stderr.split('\n').filter((line) => line.startsWith('s2s transcribe: '))
    const bad = cases.filter((c) => 'error' in c.expected)
    expect(failures).toHaveLength(bad.length)
    bad.forEach((c, i) => expect(failures[i]!.slice('s2s transcribe: '.length), c.label).toMatch((c.expected as { error: RegExp }).error))
    for (const { label, path, expected } of cases) {
      const target = join(out, `${basename(path, '.wav')}.json`)
      expect(existsSync(target), label).toBe('seconds' in expected)
      if ('seconds' in expected) expectTranscript(JSON.parse(readFileSync(target, 'utf8')) as Transcript, expected.seconds, label)
    }
  })
})
