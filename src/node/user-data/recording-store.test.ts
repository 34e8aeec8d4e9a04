import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadAudioFile } from '../../engine/audio/decode-audio'
import { RECORDINGS_MANIFEST, RecordingStore } from './recording-store'

const tone = (seconds: number): Float32Array => Float32Array.from({ length: seconds * 16000 }, (_, i) => 0.3 * Math.sin(i / 10))

describe('RecordingStore', () => {
  it('stores WAV + one manifest line per recording and removes both', async () => {
    const store = new RecordingStore(mkdtempSync(join(tmpdir(), 's2s-rec-')))
    const [a, b] = await Promise.all([store.add(tone(1), { text: 'first one', source: 'studio', promptId: 'p1' }), store.add(tone(2), { text: 'second', source: 'import' })])
    expect((await store.list()).map((r) => r.text)).toEqual(['first one', 'second'])
    expect(b.seconds).toBe(2)
    const audio = await loadAudioFile(store.audioPath(a.id))
    expect(audio.seconds).toBeCloseTo(1, 2)
    expect(await store.remove(a.id)).toBe(true)
    expect(await store.remove(a.id)).toBe(false)
    expect(existsSync(store.audioPath(a.id))).toBe(false)
    expect(readFileSync(join(store.dir, RECORDINGS_MANIFEST), 'utf8').trim().split('\n')).toHaveLength(1)
  })

  it('sweeps what an interrupted write leaves (temp files, a WAV no line names) and keeps every listed recording', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's2s-rec-'))
    const kept = await new RecordingStore(dir).add(tone(1), { text: 'keep me', source: 'studio' })
    writeFileSync(join(dir, '.recordings.jsonl.999999999.456.tmp'), '{"torn')
    writeFileSync(join(dir, 'rec-orphan.wav'), 'half a file')
    const reopened = new RecordingStore(dir)
    expect((await reopened.list()).map((r) => r.id)).toEqual([kept.id])
    expect(readdirSync(dir).sort()).toEqual([`${kept.id}.wav`, RECORDINGS_MANIFEST].sort())
  })
})
