import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Transcript } from './transcript'
import { formatClock, formatTranscript, parseSubtitles } from './transcript-format'

const transcript: Transcript = {
  text: 'hello world again',
  durationSeconds: 3725.5,
  segments: [
    { start: 0.5, end: 1.4, text: 'hello world', words: [{ word: 'hello', start: 0.5, end: 0.9, confidence: 0.9 }, { word: 'world', start: 1.0, end: 1.4, confidence: 0.8 }] },
    { start: 3722.0, end: 3723.25, text: 'again', words: [{ word: 'again', start: 3722.0, end: 3723.25, confidence: 0.7 }] }
  ]
}

describe('transcript export', () => {
  it('writes SRT with comma milliseconds and hour-long timestamps', () => {
    expect(formatTranscript(transcript, 'srt')).toBe('1\n00:00:00,500 --> 00:00:01,400\nhello world\n\n2\n01:02:02,000 --> 01:02:03,250\nagain\n')
  })

  it('writes VTT with its header and dot milliseconds', () => {
    expect(formatTranscript(transcript, 'vtt')).toBe('WEBVTT\n\n00:00:00.500 --> 00:00:01.400\nhello world\n\n01:02:02.000 --> 01:02:03.250\nagain\n')
  })

  it('writes one line per segment as TXT and the whole structure as JSON', () => {
    expect(formatTranscript(transcript, 'txt')).toBe('hello world\nagain\n')
    expect(JSON.parse(formatTranscript(transcript, 'json'))).toEqual(transcript)
  })

  it('splits long segments into readable cues whose times round-trip', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'word', 'longerword'), fc.integer({ min: 1, max: 900 })), { minLength: 1, maxLength: 60 }), (items) => {
        let t = 0
        const words = items.map(([word, ms]) => {
          const w = { word, start: t, end: t + ms / 1000, confidence: 1 }
          t = w.end + 0.05
          return w
        })
        const long: Transcript = { text: '', durationSeconds: t, segments: [{ start: 0, end: t, text: words.map((w) => w.word).join(' '), words }] }
        const cues = parseSubtitles(formatTranscript(long, 'srt'))
        expect(cues.map((c) => c.text).join(' ')).toBe(words.map((w) => w.word).join(' '))
        for (const cue of cues) {
          expect(cue.text.length <= 84 || !cue.text.includes(' ')).toBe(true)
          expect(cue.end).toBeGreaterThanOrEqual(cue.start)
        }
      })
    )
  })
})

describe('formatClock', () => {
  it('shows m:ss below an hour and h:mm:ss from an hour on', () => {
    expect([0, 9.9, 65, 3599, 3600, 3725.5].map(formatClock)).toEqual(['0:00', '0:09', '1:05', '59:59', '1:00:00', '1:02:05'])
  })
})
