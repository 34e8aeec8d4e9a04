import type { FeatureMatrix } from '../../../../model/features/feature-config'

/**
 * The last `capacity` feature frames of the live stream, addressed by absolute frame index, so a segment's
 * spectrogram can be cut out when its partial or final arrives.
 */
export class FeatureHistory {
  readonly #data: Float32Array
  #end = 0

  constructor(readonly dim: number, readonly capacity: number) {
    this.#data = new Float32Array(capacity * dim)
  }

  append(frames: Float32Array): void {
    const n = frames.length / this.dim
    for (let f = 0; f < n; f++) this.#data.set(frames.subarray(f * this.dim, (f + 1) * this.dim), ((this.#end + f) % this.capacity) * this.dim)
    this.#end += n
  }

  /** Frames [from, to), clamped to what is still held. */
  slice(from: number, to: number): FeatureMatrix {
    const start = Math.max(from, this.#end - this.capacity, 0)
    const end = Math.min(to, this.#end)
    const frames = Math.max(0, end - start)
    const data = new Float32Array(frames * this.dim)
    for (let f = 0; f < frames; f++) {
      const row = ((start + f) % this.capacity) * this.dim
      data.set(this.#data.subarray(row, row + this.dim), f * this.dim)
    }
    return { frames, dim: this.dim, data }
  }

  reset(): void {
    this.#end = 0
  }
}
