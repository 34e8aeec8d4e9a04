/**
 * Log-mel front-end parameters. Saved inside every checkpoint so training, file transcription and live
 * dictation compute exactly the same features.
 */
export interface FeatureConfig {
  /** Input PCM rate in Hz; audio at other rates must be resampled before it reaches the front-end. */
  sampleRate: number
  /** Analysis window length in samples (25 ms at 16 kHz). */
  windowSamples: number
  /** Hop between frame starts in samples (10 ms at 16 kHz). */
  hopSamples: number
  /** FFT size; the windowed frame is zero-padded to it. Must be a power of two >= windowSamples. */
  fftSize: number
  /** Number of mel bands (feature dimension). */
  melBands: number
  /** Lowest and highest filter-bank edge in Hz. */
  fMin: number
  fMax: number
  /** Added to the mel energy before the natural log: log(mel + logFloor). */
  logFloor: number
}

/** 80-band log-mel, 25 ms Hann window zero-padded to a 512-point FFT, 10 ms hop, 16 kHz. */
export const DEFAULT_FEATURE_CONFIG: Readonly<FeatureConfig> = Object.freeze({
  sampleRate: 16000,
  windowSamples: 400,
  hopSamples: 160,
  fftSize: 512,
  melBands: 80,
  fMin: 20,
  fMax: 7600,
  logFloor: 1e-6
})

/** Feature matrix in row-major order: frame f, band d is data[f * dim + d]. */
export interface FeatureMatrix {
  frames: number
  dim: number
  data: Float32Array
}

/** Number of complete frames in `samples` samples (no padding at either end). */
export function frameCount(samples: number, cfg: FeatureConfig): number {
  return samples < cfg.windowSamples ? 0 : 1 + Math.floor((samples - cfg.windowSamples) / cfg.hopSamples)
}
