import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatManifest, parseManifest, writeManifest, type ManifestRow } from './manifest'

const row: ManifestRow = { path: 'synth/a.wav', durationSeconds: 1.5, speaker: 'flite_slt', transcript: 'hello there', original: 'Hello\tthere!' }

describe('manifest', () => {
  it('round-trips the shared TSV format (tabs in text become spaces)', () => {
    const text = formatManifest([row])
    expect(text.split('\n')[0]).toBe('relative_audio_path\tduration_seconds\tspeaker_id\ttranscript\toriginal_transcript')
    expect(parseManifest(text)).toEqual([{ ...row, original: 'Hello there!' }])
  })

  it('refuses to write LJSpeech rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'manifest-'))
    try {
      await expect(writeManifest(join(dir, 'x.tsv'), [{ ...row, path: '../ljspeech_subset/flac/LJ001-0001.flac' }])).rejects.toThrow(/reserved/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
