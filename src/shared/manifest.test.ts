import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FUZZ_RUNS } from '../engine/testing/fuzz-runs'
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

describe('manifest parsing under arbitrary text (fast-check)', () => {
  /** Lines built from the pieces real and broken manifests are made of. */
  const cell = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('', ' ', 'a.wav', '../x.wav', '/abs.wav', '1.5', '-1', 'NaN', 'Infinity', '1e400', '0x10', '1_0', '\uFEFF', '\r', '"q"')
  )
  const line = fc.oneof(fc.array(cell, { maxLength: 7 }).map((cells) => cells.join('\t')), fc.string({ maxLength: 30 }))
  const text = fc.tuple(fc.constantFrom(header, header.slice(0, -20), '', `\uFEFF${header}`, header.toUpperCase()), fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([head, lines, eol]) => [head, ...lines].join(eol))

  it('returns sane rows or throws one ManifestError line', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 200 })), (input) => {
        let rows: ManifestRow[]
        try {
          rows = parseManifest(input, 'fuzz.tsv')
        } catch (err) {
          expect(err).toBeInstanceOf(ManifestError)
          expect((err as Error).message).toMatch(/^fuzz\.tsv line \d+: [^\r\n]+$/)
          return
        }
        for (const row of rows) {
          expect(row.path.trim()).not.toBe('')
          expect(Number.isFinite(row.durationSeconds) && row.durationSeconds >= 0).toBe(true)
          expect(`${row.path}${row.speaker}${row.transcript}`).not.toMatch(/[\t\n]/)
        }
      }),
      { numRuns: FUZZ_RUNS.manifest }
    )
  })
})
