import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readManifest, writeManifest, type ManifestRow } from './manifest'

const row: ManifestRow = { path: 'synth/a.wav', durationSeconds: 1.5, speaker: 'flite_slt', transcript: 'hello there', original: 'Hello\tthere!' }

describe('corpus manifests', () => {
  it('write and read back the shared TSV format (tabs in text become spaces)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'manifest-'))
    try {
      await writeManifest(join(dir, 'x.tsv'), [row])
      expect(await readManifest(join(dir, 'x.tsv'))).toEqual([{ ...row, original: 'Hello there!' }])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
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
