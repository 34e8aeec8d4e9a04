import { frameCount, type FeatureConfig, type FeatureMatrix } from './feature-config'
import { melFilterBank, type MelFilter } from './mel-filterbank'
import { meydaHannWindow, meydaPowerSpectrum } from './meyda-spectrum'

/**
 * Computes log-mel frames one at a time: Hann window (Meyda) -> zero-pad to fftSize -> power spectrum (Meyda)
 * -> mel filter bank -> log(mel + logFloor). Holds the per-config filter bank and window, built once.
 * The single place PCM becomes features; both the whole-file and the streaming path call `frame()`.
 */
export class LogMelFrameExtractor {
  readonly dim: number
  private readonly bank: MelFilter[]
  private readonly window: Float32Array
  private readonly padded: Float32Array

  constructor(readonly cfg: FeatureConfig) {
    if (cfg.fftSize < cfg.windowSamples || (cfg.fftSize & (cfg.fftSize - 1)) !== 0) {
      throw new Error(`fftSize ${cfg.fftSize} must be a power of two >= windowSamples ${cfg.windowSamples}`)
    }
    this.dim = cfg.melBands
    this.bank = melFilterBank(cfg)
    this.window = meydaHannWindow(cfg.windowSamples)
    this.padded = new Float32Array(cfg.fftSize)
  }

  /** Writes the log-mel vector of pcm[start, start + windowSamples) into out[outOffset, outOffset + dim). */
  frame(pcm: Float32Array, start: number, out: Float32Array, outOffset: number): void {
    const { windowSamples, sampleRate, logFloor } = this.cfg
    for (let i = 0; i < windowSamples; i++) this.padded[i] = pcm[start + i]! * this.window[i]!
    const power = meydaPowerSpectrum(this.padded, sampleRate)
    for (let m = 0; m < this.dim; m++) {
      const { start, weights } = this.bank[m]!
      let energy = 0
      for (let k = 0; k < weights.length; k++) energy += weights[k]! * power[start + k]!
      out[outOffset + m] = Math.log(energy + logFloor)
    }
  }
}

/**
 * Whole-signal log-mel (files, training). Frames start at 0, hop by hopSamples, and only complete windows
 * are kept (no padding), exactly like LogMelStream.
 * @param pcm mono samples in [-1, 1] at cfg.sampleRate
 * @returns matrix [frames, melBands]
 */
export function computeLogMel(pcm: Float32Array, cfg: FeatureConfig): FeatureMatrix {
  const extractor = new LogMelFrameExtractor(cfg)
  const frames = frameCount(pcm.length, cfg)
  const data = new Float32Array(frames * extractor.dim)
  for (let f = 0; f < frames; f++) extractor.frame(pcm, f * cfg.hopSamples, data, f * extractor.dim)
  return { frames, dim: extractor.dim, data }
}
