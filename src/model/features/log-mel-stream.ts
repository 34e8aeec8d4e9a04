import type { FeatureConfig, FeatureMatrix } from './feature-config'
import { LogMelFrameExtractor } from './log-mel'

/**
 * Streaming log-mel for live audio (runs in the browser renderer too: no Node APIs).
 * Push PCM chunks of any size; each push returns the frames completed by that chunk. The concatenation of
 * all returned frames equals computeLogMel() on the concatenated PCM.
 */
export class LogMelStream {
  private readonly extractor: LogMelFrameExtractor
  private pending = new Float32Array(0)
  private emitted = 0

  constructor(readonly cfg: FeatureConfig) {
    this.extractor = new LogMelFrameExtractor(cfg)
  }

  /** Total frames returned so far. */
  get framesEmitted(): number {
    return this.emitted
  }

  /** @returns the newly completed frames, matrix [n, melBands] (n may be 0). */
  push(chunk: Float32Array): FeatureMatrix {
    const { windowSamples, hopSamples } = this.cfg
    const buf = new Float32Array(this.pending.length + chunk.length)
    buf.set(this.pending)
    buf.set(chunk, this.pending.length)
    const n = buf.length < windowSamples ? 0 : 1 + Math.floor((buf.length - windowSamples) / hopSamples)
    const dim = this.extractor.dim
    const data = new Float32Array(n * dim)
    for (let f = 0; f < n; f++) this.extractor.frame(buf, f * hopSamples, data, f * dim)
    this.pending = buf.slice(n * hopSamples)
    this.emitted += n
    return { frames: n, dim, data }
  }

  /** Forgets buffered audio (new utterance). */
  reset(): void {
    this.pending = new Float32Array(0)
    this.emitted = 0
  }
}
