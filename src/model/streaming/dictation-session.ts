import type { AttentionMap, DictationSegment, DictationUpdate } from '../../shared/dictation'
import type { DecodeOptions } from '../decoding/decode-options'
import type { Recognition, Recognizer } from '../recognizer'
import { SpeechSegmenter, type SpeechSegment } from '../vad/speech-segmenter'
import { DEFAULT_VAD, type VadConfig } from '../vad/vad'
import { StablePrefix } from './stable-prefix'

/** Session tuning; times in 10 ms feature frames. */
export interface DictationConfig {
  vad: VadConfig
  /** Re-decode the open segment after at least this many new frames (15 = 150 ms: with pushes every 50 ms and the
   * decode's own time, partials then come within the 200 ms the product promises). */
  refreshFrames: number
  /** A final whose words average a lower confidence than this is taken for noise and dropped. */
  minWordConfidence: number
  /** A partial's word can turn stable once it ends this many frames before the audio received (see StablePrefix). */
  settleFrames: number
}

export const DEFAULT_DICTATION: Readonly<DictationConfig> = Object.freeze({
  // Dictation cuts segments at 12 s so each re-decode of the open segment stays short.
  vad: { ...DEFAULT_VAD, maxSegmentFrames: 1200 },
  refreshFrames: 15,
  minWordConfidence: 0.3,
  settleFrames: 60
})

/**
 * One live dictation stream over a shared Recognizer (Vosk's light Recognizer over a heavy Model): raw log-mel
 * frames in, partial and final segments out. `push` is cheap (buffering + voice-activity detection); `step`
 * does the decoding that is due. Decoding the whole open segment again on each refresh lets the bidirectional
 * encoder see all of it; segments are capped so this stays bounded.
 */
export class DictationSession {
  readonly #segmenter: SpeechSegmenter
  readonly #stable = new StablePrefix()
  readonly #closed: SpeechSegment[] = []
  readonly #finals: DictationSegment[] = []
  #decoding: Partial<DecodeOptions>
  #segmentIndex = 0
  /** Stream frame at which the open segment was last considered for a partial. */
  #refreshedAt = 0
  /** The open segment's last decode: a final over the same frames reuses it instead of decoding again. */
  #lastDecode: { start: number; end: number; recognition: Recognition } | null = null
  #speaking = false

  constructor(
    private readonly recognizer: Recognizer,
    decoding: Partial<DecodeOptions>,
    private readonly config: DictationConfig = DEFAULT_DICTATION
  ) {
    this.#decoding = decoding
    this.#segmenter = new SpeechSegmenter(recognizer.config.features.melBands, config.vad)
  }

  get featureDim(): number {
    return this.recognizer.config.features.melBands
  }

  get frameSeconds(): number {
    const fc = this.recognizer.config.features
    return fc.hopSamples / fc.sampleRate
  }

  /** Seconds of audio received. */
  get seconds(): number {
    return this.#segmenter.end * this.frameSeconds
  }

  /** Final segments with text so far (their attention maps went out with the final updates). */
  get finals(): readonly DictationSegment[] {
    return this.#finals
  }

  /** New decoder settings, used from the next decode on. */
  configure(decoding: Partial<DecodeOptions>): void {
    this.#decoding = decoding
    this.#lastDecode = null
  }

  /** Appends raw log-mel frames (row-major [n, featureDim]). */
  push(frames: Float32Array): void {
    if (frames.length % this.featureDim !== 0) throw new RangeError(`features must be a multiple of ${this.featureDim} values, got ${frames.length}`)
    this.#closed.push(...this.#segmenter.push(frames))
  }

  /** Whether `step` has decoding to do. */
  get due(): boolean {
    const open = this.#segmenter.openSince
    return this.#closed.length > 0 || this.#speaking !== (open !== null) || (open !== null && this.#segmenter.end - this.#refreshedAt >= this.config.refreshFrames)
  }

  /** Decodes what is due: finals of closed segments, then one partial of the open segment. */
  step(): DictationUpdate[] {
    const updates: DictationUpdate[] = []
    for (const segment of this.#closed.splice(0)) updates.push(this.#finalise(segment))
    const open = this.#segmenter.openRange()
    if ((open !== null) !== this.#speaking) {
      this.#speaking = open !== null
      updates.push({ kind: 'speech', active: this.#speaking, at: (open?.start ?? this.#segmenter.end) * this.frameSeconds })
    }
    if (open !== null && this.#segmenter.end - this.#refreshedAt >= this.config.refreshFrames) {
      this.#refreshedAt = this.#segmenter.end
      // In a pause the voiced frames do not change: nothing new to show, and the final will reuse this decode.
      if (open.end !== this.#lastDecode?.end || open.start !== this.#lastDecode.start) updates.push(this.#partial(this.#segmenter.openSegment()!))
    }
    return updates
  }

  /** Ends the input: finalises the open segment. */
  finish(): DictationUpdate[] {
    this.#closed.push(...this.#segmenter.flush())
    const updates = this.step()
    if (this.#speaking) {
      this.#speaking = false
      updates.push({ kind: 'speech', active: false, at: this.seconds })
    }
    return updates
  }

  #partial(open: SpeechSegment): DictationUpdate {
    const recognition = this.#decode(open)
    const settledBefore = (open.end - open.start - this.config.settleFrames) * this.frameSeconds
    const { stable, unstable } = this.#stable.update(recognition.words, settledBefore)
    return { kind: 'partial', segment: this.#segment(open.start, open.end, recognition, stable, unstable, []) }
  }

  #finalise(segment: SpeechSegment): DictationUpdate {
    const recognition = this.#decode(segment)
    this.#stable.reset()
    this.#lastDecode = null
    this.#refreshedAt = this.#segmenter.end
    const offset = segment.start * this.frameSeconds
    const words = recognition.words.map((w) => ({ ...w, start: w.start + offset, end: w.end + offset }))
    const meanConfidence = words.reduce((sum, w) => sum + w.confidence, 0) / Math.max(1, words.length)
    const text = meanConfidence >= this.config.minWordConfidence ? recognition.text.trim() : ''
    const final = this.#segment(segment.start, segment.end, recognition, text, '', text ? words : [])
    this.#segmentIndex += 1
    // Kept for the session's summary without its attention map, so a long session's memory stays flat.
    if (text) this.#finals.push({ ...final, alignment: { chars: [], steps: 0, stepSeconds: final.alignment.stepSeconds, weights: [] } })
    return { kind: 'final', segment: final }
  }

  /**
   * The recognition of `segment`'s frames, reusing the last decode when it covered exactly these frames. It
   * starts with the words already shown as stable, so neither a partial nor the final takes them back (unless
   * the audio rules them out altogether).
   */
  #decode(segment: SpeechSegment): Recognition {
    const last = this.#lastDecode
    if (last?.start === segment.start && last.end === segment.end) return last.recognition
    const stable = this.#stable.text
    const recognition = this.recognizer.decode(segment.feats, this.#decoding, stable ? this.recognizer.vocabulary.encode(`${stable} `) : [])
    this.#lastDecode = { start: segment.start, end: segment.end, recognition }
    return recognition
  }

  #segment(start: number, end: number, recognition: Recognition, stable: string, unstable: string, words: DictationSegment['words']): DictationSegment {
    return {
      index: this.#segmentIndex,
      start: start * this.frameSeconds,
      end: end * this.frameSeconds,
      stable,
      unstable,
      words,
      alignment: attentionMap(recognition, this.recognizer.vocabulary.tokens)
    }
  }
}

/** The attention of each emitted character over the segment's encoder steps, compacted for the wire. */
function attentionMap(recognition: Recognition, tokens: readonly string[]): AttentionMap {
  const steps = recognition.attention[0]?.length ?? 0
  const weights: number[] = []
  for (const row of recognition.attention) for (const w of row) weights.push(Math.round(w * 1000) / 1000)
  return { chars: recognition.tokens.map((t) => tokens[t] ?? '?'), steps, stepSeconds: recognition.encoderStepSeconds, weights }
}
