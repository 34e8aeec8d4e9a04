import type { HostBatch } from './example'
import type { Random } from './random'

/** SpecAugment (Park et al. 2019) without time warping: random frequency and time bands set to 0 (the CMVN mean). */
export interface SpecAugmentConfig {
  freqMasks: number
  /** Maximum width of one frequency mask in bands. */
  freqWidth: number
  timeMasks: number
  /** Maximum width of one time mask in frames, and at most `timeRatio` of the utterance. */
  timeWidth: number
  timeRatio: number
}

export const DEFAULT_SPEC_AUGMENT: Readonly<SpecAugmentConfig> = Object.freeze({
  freqMasks: 2, freqWidth: 15, timeMasks: 2, timeWidth: 40, timeRatio: 0.1
})

/** Masks the (normalised) features of `hb` in place, per utterance, within its valid frames. */
export function specAugment(hb: HostBatch, cfg: SpecAugmentConfig, rng: Random): void {
  const { frames, dim } = hb
  for (let b = 0; b < hb.batch; b++) {
    const len = hb.featLens[b]!
    const base = b * frames * dim
    for (let m = 0; m < cfg.freqMasks; m++) {
      const width = rng.int(cfg.freqWidth + 1)
      const start = rng.int(Math.max(1, dim - width))
      for (let t = 0; t < len; t++) hb.feats.fill(0, base + t * dim + start, base + t * dim + start + width)
    }
    const maxT = Math.min(cfg.timeWidth, Math.floor(cfg.timeRatio * len))
    for (let m = 0; m < cfg.timeMasks; m++) {
      const width = rng.int(maxT + 1)
      const start = rng.int(Math.max(1, len - width))
      hb.feats.fill(0, base + start * dim, base + (start + width) * dim)
    }
  }
}
