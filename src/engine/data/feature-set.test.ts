import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_FEATURE_CONFIG } from '../../model/features/feature-config'
import { computeLogMel } from '../../model/features/log-mel'
import { speakToWav } from '../../node/tts'
import { formatManifest } from '../../shared/manifest'
import { loadAudioFile } from '../audio/decode-audio'
import { loadFeatureSet } from './feature-set'

const texts = ['open the door', 'seven eight nine']

function makeManifest(dir: string, extraRow?: string): string {
  const rows = texts.map((t, i) => ({ path: speakToWav(t, join(dir, `${i}.wav`)), durationSeconds: 1, speaker: 'slt', transcript: t, original: t }))
  const path = join(dir, 'm.tsv')
  writeFileSync(path, formatManifest(rows.map((r) => ({ ...r, path: r.path.slice(dir.length + 1) }))) + (extraRow ?? ''))
  return path
}

describe('feature set cache', () => {
  it('computes the log-mel of every row once, then serves it from disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's2s-fs-'))
    const manifest = makeManifest(dir)
    let computed = 0
    const first = await loadFeatureSet(manifest, DEFAULT_FEATURE_CONFIG, { cacheDir: join(dir, 'cache'), onProgress: () => (computed += 1) })
    expect(computed).toBe(2)
    expect(first.items.map((i) => i.transcript)).toEqual(texts)
    const direct = computeLogMel((await loadAudioFile(join(dir, '1.wav'))).pcm, DEFAULT_FEATURE_CONFIG)
    const item = first.items[1]!
    expect(item.frames).toBe(direct.frames)
    expect(first.data.subarray(item.offset * 80, (item.offset + item.frames) * 80)).toEqual(direct.data)

    const second = await loadFeatureSet(manifest, DEFAULT_FEATURE_CONFIG, { cacheDir: join(dir, 'cache'), onProgress: () => (computed += 1) })
    expect(computed).toBe(2)
    expect(second.data).toEqual(first.data)
    expect(second.seconds).toBeCloseTo(first.seconds)
  })

  it('names the manifest line of an unreadable row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's2s-fs-'))
    writeFileSync(join(dir, 'junk.wav'), 'not audio at all')
    const manifest = makeManifest(dir, 'junk.wav\t1\tx\thello\thello\n')
    await expect(loadFeatureSet(manifest, DEFAULT_FEATURE_CONFIG, { cacheDir: join(dir, 'cache') })).rejects.toThrow(/m\.tsv line 4: junk\.wav: not a readable audio file/)
  })
})
