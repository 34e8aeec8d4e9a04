import type { FeatureMatrix } from '../features/feature-config'
import { FrameBuffer } from '../features/frame-buffer'
import { frameEnergies } from '../features/frame-energy'
import { DEFAULT_VAD, StreamingVad, type VadConfig, type VadSegment } from './vad'

/** A closed voiced stretch [start, end) in frames, with its raw log-mel frames [end - start, dim]. */
export interface SpeechSegment extends VadSegment {
  feats: FeatureMatrix
}

/**
 * Cuts an endless stream of raw log-mel frames into voiced segments with the dictation VAD (each at most
 * `config.maxSegmentFrames` long), holding only the frames that an open segment, or one about to open with
 * its padding, can still need: memory stays flat however long the input is.
 */
export class SpeechSegmenter {
  readonly #vad: StreamingVad
  readonly #buffer: FrameBuffer

  constructor(dim: number, private readonly config: VadConfig = DEFAULT_VAD) {
    this.#vad = new StreamingVad(config)
    this.#buffer = new FrameBuffer(dim)
  }

  /** Appends raw log-mel frames (row-major [n, dim]); returns the segments they closed. */
  push(frames: Float32Array): SpeechSegment[] {
    this.#buffer.append(frames)
    const closed = this.#vad.push(frameEnergies(frames, this.#buffer.dim)).map((s) => this.#withFeatures(s))
    const { onsetFrames, padFrames } = this.config
    this.#buffer.dropBefore(this.#vad.openSince ?? this.#buffer.end - onsetFrames - padFrames - 1)
    return closed
  }

  /** Frames received so far (the stream's current end). */
  get end(): number {
    return this.#buffer.end
  }

  /** Start frame of the segment still open, or null during silence. */
  get openSince(): number | null {
    return this.#vad.openSince
  }

  /**
   * The open segment as it would close now: its frames from openSince to the last voiced frame plus the
   * padding (trailing silence left out, as the closed segment will leave it out); null during silence.
   */
  openSegment(): SpeechSegment | null {
    const range = this.openRange()
    return range === null ? null : this.#withFeatures(range)
  }

  /** The frames openSegment would return, without copying them; null during silence. */
  openRange(): VadSegment | null {
    const start = this.#vad.openSince
    return start === null ? null : { start, end: this.#vad.voicedEnd }
  }

  /** Ends the input: the open segment, if any, closes. */
  flush(): SpeechSegment[] {
    const last = this.#vad.flush()
    return last ? [this.#withFeatures(last)] : []
  }

  #withFeatures(segment: VadSegment): SpeechSegment {
    return { ...segment, feats: this.#buffer.read(segment.start, segment.end) }
  }
}
