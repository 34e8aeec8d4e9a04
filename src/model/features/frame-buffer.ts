import type { FeatureMatrix } from './feature-config'

/**
 * The recent feature frames of an endless stream, addressed by absolute frame index: append at the end, drop
 * from the front, read any range still held. Memory stays bounded as long as the owner keeps dropping.
 */
export class FrameBuffer {
  #data: Float32Array
  /** Absolute index of the first frame held. */
  #first = 0
  #count = 0

  constructor(readonly dim: number, initialFrames = 1024) {
    this.#data = new Float32Array(initialFrames * dim)
  }

  /** Absolute index one past the last frame received. */
  get end(): number {
    return this.#first + this.#count
  }

  get start(): number {
    return this.#first
  }

  /** Appends row-major frames [n, dim]. */
  append(frames: Float32Array): void {
    const n = frames.length / this.dim
    const needed = (this.#count + n) * this.dim
    if (needed > this.#data.length) {
      const grown = new Float32Array(Math.max(needed, this.#data.length * 2))
      grown.set(this.#data.subarray(0, this.#count * this.dim))
      this.#data = grown
    }
    this.#data.set(frames, this.#count * this.dim)
    this.#count += n
  }

  /** Forgets every frame before absolute index `frame`. */
  dropBefore(frame: number): void {
    const drop = Math.min(this.#count, Math.max(0, frame - this.#first))
    if (drop === 0) return
    this.#data.copyWithin(0, drop * this.dim, this.#count * this.dim)
    this.#first += drop
    this.#count -= drop
  }

  /** A copy of frames [from, to) (clamped to what is held). */
  read(from: number, to: number): FeatureMatrix {
    const a = Math.max(from, this.#first) - this.#first
    const b = Math.min(to, this.end) - this.#first
    const frames = Math.max(0, b - a)
    return { frames, dim: this.dim, data: this.#data.slice(a * this.dim, (a + frames) * this.dim) }
  }
}
