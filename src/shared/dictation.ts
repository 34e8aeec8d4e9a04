import type { WordTiming } from './transcript'

/**
 * Feature frames (10 ms each) a dictation client sends per push: 50 ms keeps partial refreshes (every 150 ms of
 * audio) from waiting on the next message, and is still only 20 small messages a second.
 */
export const DICTATION_PUSH_FRAMES = 5

/**
 * Attention of each decoded character over the segment's encoder steps, for the alignment view.
 * `weights` is row-major [chars.length][steps], each value in [0, 1] rounded to 3 decimals.
 */
export interface AttentionMap {
  chars: string[]
  steps: number
  /** Seconds per encoder step: column j covers [j, j + 1) x stepSeconds from the segment start. */
  stepSeconds: number
  weights: number[]
}

/** One voiced segment of a dictation as the engine currently reads it. Times are seconds from the session start. */
export interface DictationSegment {
  /** 0, 1, 2… in order of speech. */
  index: number
  start: number
  end: number
  /**
   * Partials: the words that will not change any more while the segment stays open (each partial's `stable`
   * extends the previous one). Finals: the whole text.
   */
  stable: string
  /** Partials: the tentative tail after `stable`. Finals: empty. */
  unstable: string
  /** Finals only: word times and confidences (empty for partials). */
  words: WordTiming[]
  alignment: AttentionMap
}

export type DictationUpdate =
  | { kind: 'started'; sessionId: string; featureDim: number; frameSeconds: number }
  | { kind: 'speech'; active: boolean; at: number }
  | { kind: 'partial'; segment: DictationSegment }
  | { kind: 'final'; segment: DictationSegment }

/** What a session returns when it ends: every final segment with text, in order. */
export interface DictationSummary {
  text: string
  segments: DictationSegment[]
  /** Seconds of audio received. */
  seconds: number
}
