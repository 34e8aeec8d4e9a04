/** A word with its time span in seconds from the start of the audio and a confidence in [0, 1]. */
export interface WordTiming {
  word: string
  start: number
  end: number
  confidence: number
}

/** One voiced stretch of audio (as cut by voice-activity detection) and its words. */
export interface TranscriptSegment {
  start: number
  end: number
  text: string
  words: WordTiming[]
}

/** The result of transcribing one recording. */
export interface Transcript {
  text: string
  durationSeconds: number
  segments: TranscriptSegment[]
}
