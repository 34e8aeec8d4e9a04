import type { FeatureConfig } from './feature-config'

const hzToMel = (hz: number): number => 2595 * Math.log10(1 + hz / 700)
const melToHz = (mel: number): number => 700 * (10 ** (mel / 2595) - 1)

/** One triangular filter: weights for the bins [start, start + weights.length). */
export interface MelFilter {
  start: number
  weights: Float32Array
}

/**
 * HTK-style triangular mel filter bank, evaluated at the centre frequency of each FFT bin
 * (fftSize / 2 bins, as in Meyda's spectra). Each filter keeps only its non-zero span.
 * Why not Meyda's own bank: it rounds filter edges down to whole bins, which leaves the lowest of 80 filters
 * empty at a 512-point FFT; evaluating continuous triangles keeps every band non-zero.
 */
export function melFilterBank(cfg: FeatureConfig): MelFilter[] {
  const bins = cfg.fftSize / 2
  const lo = hzToMel(cfg.fMin)
  const step = (hzToMel(cfg.fMax) - lo) / (cfg.melBands + 1)
  const edges = Array.from({ length: cfg.melBands + 2 }, (_, i) => melToHz(lo + i * step))
  return Array.from({ length: cfg.melBands }, (_, m) => {
    const [left, centre, right] = [edges[m]!, edges[m + 1]!, edges[m + 2]!]
    const row = Array.from({ length: bins }, (_, k) => {
      const hz = (k * cfg.sampleRate) / cfg.fftSize
      return Math.max(0, hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre))
    })
    const start = row.findIndex((w) => w > 0)
    const end = row.findLastIndex((w) => w > 0) + 1
    return { start: Math.max(0, start), weights: Float32Array.from(row.slice(Math.max(0, start), Math.max(start, end))) }
  })
}
