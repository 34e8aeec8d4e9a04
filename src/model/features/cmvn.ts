import type { FeatureMatrix } from './feature-config'

/** Global per-dimension mean and standard deviation of the features (streaming-friendly normalisation). */
export interface Cmvn {
  mean: number[]
  std: number[]
}

/**
 * Accumulates global mean/variance over many utterances in float64.
 * @throws if no frames were added or the dimensions disagree
 */
export class CmvnAccumulator {
  private count = 0
  private sum: Float64Array | null = null
  private sumSq: Float64Array | null = null

  add(feats: FeatureMatrix): void {
    if (!this.sum || !this.sumSq) {
      this.sum = new Float64Array(feats.dim)
      this.sumSq = new Float64Array(feats.dim)
    }
    if (this.sum.length !== feats.dim) throw new Error(`CMVN dim ${this.sum.length} != features dim ${feats.dim}`)
    for (let f = 0; f < feats.frames; f++) {
      for (let d = 0; d < feats.dim; d++) {
        const v = feats.data[f * feats.dim + d]!
        this.sum[d]! += v
        this.sumSq[d]! += v * v
      }
    }
    this.count += feats.frames
  }

  /** @param minStd floor on the standard deviation (avoids dividing by ~0 on constant bands) */
  finish(minStd = 1e-3): Cmvn {
    if (!this.sum || !this.sumSq || this.count === 0) throw new Error('CMVN: no frames accumulated')
    const mean = Array.from(this.sum, (s) => s / this.count)
    const std = Array.from(this.sumSq, (s, d) => Math.max(minStd, Math.sqrt(Math.max(0, s / this.count - mean[d]! ** 2))))
    return { mean, std }
  }
}

/** @returns a new matrix with (x - mean) / std applied per dimension. */
export function applyCmvn(feats: FeatureMatrix, cmvn: Cmvn): FeatureMatrix {
  if (cmvn.mean.length !== feats.dim) throw new Error(`CMVN dim ${cmvn.mean.length} != features dim ${feats.dim}`)
  const data = new Float32Array(feats.data.length)
  for (let i = 0; i < data.length; i++) {
    const d = i % feats.dim
    data[i] = (feats.data[i]! - cmvn.mean[d]!) / cmvn.std[d]!
  }
  return { frames: feats.frames, dim: feats.dim, data }
}
