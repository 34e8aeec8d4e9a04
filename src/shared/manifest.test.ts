import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatManifest, ManifestError, parseManifest, type ManifestRow } from './manifest'

const header = 'relative_audio_path\tduration_seconds\tspeaker_id\ttranscript\toriginal_transcript'

describe('manifest parsing', () => {
  it('reads the shared format, with or without the original column', () => {
    const rows = parseManifest(`${header}\na.flac\t1.5\tspk\thello there\tHello there!\nb.flac\t0.2\tx\tno\n\n`)
    expect(rows).toEqual([
      { path: 'a.flac', durationSeconds: 1.5, speaker: 'spk', transcript: 'hello there', original: 'Hello there!' },
      { path: 'b.flac', durationSeconds: 0.2, speaker: 'x', transcript: 'no', original: 'no' }
    ])
  })

  it('names the bad line in one line', () => {
    expect(() => parseManifest(`${header}\nok.wav\t1\ts\tfine\nbroken line without tabs\n`, 'dev.tsv')).toThrow('dev.tsv line 3: expected at least 4 tab-separated columns, found 1')
    expect(() => parseManifest(`${header}\nx.wav\tlong\ts\tt\n`)).toThrow(/line 2: duration "long"/)
    expect(() => parseManifest('path\tdur\n')).toThrow(ManifestError)
  })

  it('round-trips any rows through format and parse', () => {
    const field = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\t\r\n]/g, ' '))
    const row = fc.record({
      path: field.filter((s) => s.trim() !== ''),
      durationSeconds: fc.integer({ min: 0, max: 10_000_000 }).map((ms) => ms / 1000),
      speaker: field,
      transcript: field,
      original: field
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows: ManifestRow[]) => {
        expect(parseManifest(formatManifest(rows))).toEqual(rows)
      })
    )
  })
})
