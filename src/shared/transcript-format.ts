import type { Transcript, WordTiming } from './transcript'

export type TranscriptFormat = 'txt' | 'srt' | 'vtt' | 'json'
export const TRANSCRIPT_FORMATS: readonly TranscriptFormat[] = ['txt', 'srt', 'vtt', 'json']

/** Subtitle cues stay readable: at most two lines' worth of characters and a few seconds each. */
const MAX_CUE_CHARS = 84
const MAX_CUE_SECONDS = 6

interface Cue {
  start: number
  end: number
  text: string
}

/** Groups a transcript's words into subtitle cues, never crossing a segment boundary. */
export function toCues(transcript: Transcript): Cue[] {
  const cues: Cue[] = []
  for (const segment of transcript.segments) {
    let words: WordTiming[] = []
    const flush = (): void => {
      if (words.length === 0) return
      cues.push({ start: words[0]!.start, end: words.at(-1)!.end, text: words.map((w) => w.word).join(' ') })
      words = []
    }
    for (const word of segment.words) {
      const text = [...words, word].map((w) => w.word).join(' ')
      if (words.length > 0 && (text.length > MAX_CUE_CHARS || word.end - words[0]!.start > MAX_CUE_SECONDS)) flush()
      words.push(word)
    }
    flush()
    if (segment.words.length === 0 && segment.text.trim()) cues.push({ start: segment.start, end: segment.end, text: segment.text })
  }
  return cues
}

/** "HH:MM:SS<sep>mmm" */
function timestamp(seconds: number, separator: ',' | '.'): string {
  const ms = Math.max(0, Math.round(seconds * 1000))
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`
}

/** A position for people: "m:ss", or "h:mm:ss" from an hour on. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const mmss = `${Math.floor(s / 60) % 60}:${String(s % 60).padStart(2, '0')}`
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss.padStart(5, '0')}` : mmss
}

/** Renders a transcript in one of the export formats. */
export function formatTranscript(transcript: Transcript, format: TranscriptFormat): string {
  switch (format) {
    case 'txt':
      return transcript.segments.map((s) => s.text).join('\n') + '\n'
    case 'srt':
      return toCues(transcript)
        .map((cue, i) => `${i + 1}\n${timestamp(cue.start, ',')} --> ${timestamp(cue.end, ',')}\n${cue.text}\n`)
        .join('\n')
    case 'vtt':
      return ['WEBVTT', '', ...toCues(transcript).map((cue) => `${timestamp(cue.start, '.')} --> ${timestamp(cue.end, '.')}\n${cue.text}\n`)].join('\n')
    case 'json':
      return JSON.stringify(transcript, null, 2) + '\n'
  }
}

/** Parses SRT or VTT cue timings back (for tests and imports): [{start, end, text}]. */
export function parseSubtitles(text: string): Cue[] {
  const cues: Cue[] = []
  const pattern = /(\d\d):(\d\d):(\d\d)[,.](\d\d\d) --> (\d\d):(\d\d):(\d\d)[,.](\d\d\d)\r?\n([^\r\n]*)/g
  for (const m of text.matchAll(pattern)) {
    const seconds = (h: string, mi: string, s: string, ms: string): number => Number(h) * 3600 + Number(mi) * 60 + Number(s) + Number(ms) / 1000
    cues.push({ start: seconds(m[1]!, m[2]!, m[3]!, m[4]!), end: seconds(m[5]!, m[6]!, m[7]!, m[8]!), text: m[9]! })
  }
  return cues
}
