/** Voice-activity settings, in 10 ms frames and natural-log energy units (ln 10 ≈ 2.3 per 10 dB). */
export interface VadConfig {
  /** Energy above the noise floor that counts as voice. */
  thresholdAboveFloor: number
  /** Absolute floor below which nothing is voice (digital silence). */
  minEnergy: number
  /** Consecutive voiced frames needed to open a segment. */
  onsetFrames: number
  /** Consecutive unvoiced frames that close a segment (the endpoint). */
  hangoverFrames: number
  /**
   * Once a segment is this long, a shorter pause (`longHangoverFrames`) already closes it: continuous speech is
   * cut at its next breath rather than run on to `maxSegmentFrames` and be cut mid-word.
   */
  longSegmentFrames: number
  longHangoverFrames: number
  /** Frames kept before the onset and after the last voiced frame. */
  padFrames: number
  /** Longest segment; longer speech is cut here. */
  maxSegmentFrames: number
}

export const DEFAULT_VAD: VadConfig = {
  thresholdAboveFloor: 2.8,
  minEnergy: -4,
  onsetFrames: 8,
  hangoverFrames: 45,
  longSegmentFrames: 600,
  longHangoverFrames: 20,
  padFrames: 15,
  maxSegmentFrames: 2000
}

/** A closed or open voiced stretch [start, end) in frames. */
export interface VadSegment {
  start: number
  end: number
}

/**
 * Streaming energy VAD with an adaptive noise floor (falls fast, rises slowly), so steady noise is learnt as
 * floor and never opens a segment. Bursty non-speech noise can still open segments; whatever decodes them
 * must then return no words. Feed energies in order with `push`; it reports segments as they close.
 * The offline `segmentSpeech` runs the same machine over a whole recording.
 */
export class StreamingVad {
  #floor = Number.NaN
  #frame = 0
  #voicedRun = 0
  #silentRun = 0
  #open: number | null = null
  #lastVoiced = 0

  constructor(private readonly config: VadConfig = DEFAULT_VAD) {}

  /** The start frame of the currently open segment, or null. */
  get openSince(): number | null {
    return this.#open
  }

  /** Consumes frame energies; returns the segments that closed during them. */
  push(energies: ArrayLike<number>): VadSegment[] {
    const closed: VadSegment[] = []
    for (let i = 0; i < energies.length; i++) {
      const segment = this.#step(energies[i]!)
      if (segment) closed.push(segment)
    }
    return closed
  }

  /** Where the open segment would end if it closed now: the last voiced frame plus the padding. */
  get voicedEnd(): number {
    return Math.min(this.#frame, this.#lastVoiced + 1 + this.config.padFrames)
  }

  /** Closes the open segment at end of input, if any. */
  flush(): VadSegment | null {
    if (this.#open === null) return null
    const segment = { start: this.#open, end: this.voicedEnd }
    this.#open = null
    return segment
  }

  #step(energy: number): VadSegment | null {
    const c = this.config
    const t = this.#frame++
    if (Number.isNaN(this.#floor)) this.#floor = energy
    const voiced = energy > c.minEnergy && energy > this.#floor + c.thresholdAboveFloor
    // Floor tracking: follow quiet frames down quickly; creep up slowly (0.5 nat/s), ten times slower while
    // voiced so continuous speech is not learnt as floor but a lasting rise in noise eventually is.
    const rise = voiced ? 0.0005 : 0.005
    this.#floor = energy < this.#floor ? 0.8 * this.#floor + 0.2 * energy : this.#floor + Math.min(rise, energy - this.#floor)
    this.#voicedRun = voiced ? this.#voicedRun + 1 : 0
    this.#silentRun = voiced ? 0 : this.#silentRun + 1
    if (voiced) this.#lastVoiced = t
    if (this.#open === null) {
      if (this.#voicedRun >= c.onsetFrames) this.#open = Math.max(0, t - c.onsetFrames + 1 - c.padFrames)
      return null
    }
    const length = t + 1 - this.#open
    const tooLong = length >= c.maxSegmentFrames
    if (this.#silentRun >= (length >= c.longSegmentFrames ? c.longHangoverFrames : c.hangoverFrames) || tooLong) {
      const segment = { start: this.#open, end: tooLong ? t + 1 : this.voicedEnd }
      this.#open = null
      this.#voicedRun = 0
      return segment
    }
    return null
  }
}

/** Voiced segments of a whole recording's frame energies. */
export function segmentSpeech(energies: ArrayLike<number>, config: VadConfig = DEFAULT_VAD): VadSegment[] {
  const vad = new StreamingVad(config)
  const segments = vad.push(energies)
  const last = vad.flush()
  return last ? [...segments, last] : segments
}
