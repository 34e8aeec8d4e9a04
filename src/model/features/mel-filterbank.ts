import type { FeatureConfig } from './feature-config'

const hzToMel = (hz: number): number => 2595 * Math.log10(1 + hz / 700)
const melToHz = (mel: number): number => 700 * (10 ** (mel / 2595) - 1)

/**
 * HTK-style triangular mel filter bank, evaluated at the centre frequency of each FFT bin.
 * Returned as a dense row-major matrix [melBands, fftSize / 2] (Meyda's spectra have fftSize / 2 bins).
 * Why not Meyda's own bank: it rounds filter edges down to whole bins, which leaves the lowest of 80 filters
 * empty at a 512-point FFT; evaluating continuous triangles keeps every band non-zero.
 */
export function melFilterBank(cfg: FeatureConfig): Float32Array {
  const bins = cfg.fftSize / 2
  const bank = new Float32Array(cfg.melBands * bins)
  const lo = hzToMel(cfg.fMin)
  const step = (hzToMel(cfg.fMax) - lo) / (cfg.melBands + 1)
  const edges = Array.from({ length: cfg.melBands + 2 }, (_, i) => melToHz(lo + i * step))
  for (let m = 0; m < cfg.melBands; m++) {
    const [left, centre, right] = [edges[m]!, edges[m + 1]!, edges[m + 2]!]
    for (let k = 0; k < bins; k++) {
      const hz = (k * cfg.sampleRate) / cfg.fftSize
      const w = hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre)
      if (w > 0) bank[m * bins + k] = w
    }
  }
  return bank
}
