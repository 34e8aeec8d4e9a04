import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readWavInfo } from './audio/wav'
import { buildLongDevSet } from './long-dev-set'
import type { ManifestRow } from './manifest'
import { execFile } from './util/exec'

let out: string
const dev: ManifestRow[] = []

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'long-dev-'))
  // Five 0.5-1.3 s tones from two voices, interleaved as dev_synth interleaves them.
  for (const [i, voice] of ['a', 'b', 'a', 'b', 'a'].entries()) {
    const path = `s${i}.wav`
    const seconds = 0.5 + 0.2 * i
    await execFile('sox', ['-n', '-r', '16000', '-b', '16', '-c', '1', join(out, path), 'synth', String(seconds), 'sine', '440'])
    dev.push({ path, durationSeconds: seconds, speaker: voice, transcript: `words ${i}`, original: `Words ${i}.` })
  }
})
afterAll(() => rm(out, { recursive: true, force: true }))

describe('long dev set', () => {
  it('joins groups of one voice in order, audio and transcripts end to end; leftovers are dropped', async () => {
    const rows = await buildLongDevSet(out, dev, 2)
    expect(rows.map((r) => [r.speaker, r.transcript])).toEqual([['a', 'words 0 words 2'], ['b', 'words 1 words 3']])
    expect(rows[0]!.durationSeconds).toBeCloseTo(0.5 + 0.9, 2)
    expect((await readWavInfo(join(out, rows[1]!.path))).durationSeconds).toBeCloseTo(0.7 + 1.1, 2)
    expect(await buildLongDevSet(out, dev, 2)).toEqual(rows) // files on disk are reused
  })
})
