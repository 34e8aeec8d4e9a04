import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from './features/feature-config'
import type { Cmvn } from './features/cmvn'
import type { InputLevel } from './features/input-level'
import { NORMALIZER_VERSION } from './text/normalizer'
import { DEFAULT_TOKENS } from './text/vocabulary'

/** Bumped whenever the checkpoint layout or the meaning of a config field changes; loaders refuse other versions. */
export const MODEL_FORMAT_VERSION = 1

export type CellType = 'lstm' | 'gru'
export type AttentionType = 'dot' | 'general' | 'additive' | 'location'

export interface EncoderConfig {
  /** Recurrent cell of every encoder layer. */
  cell: CellType
  /** LSTM only: the seed's peephole terms W_ci c_{t-1}, W_cf c_{t-1}, W_co c_t (diagonal, Graves 2013). */
  peepholes: boolean
  /** Consecutive 10 ms frames concatenated into one encoder input (4 -> 40 ms). */
  stack: number
  /** Number of bidirectional layers. */
  layers: number
  /** Units per direction; the encoder output has 2 * units features. */
  units: number
  /** Layer indices after which adjacent steps are concatenated, halving time (LAS pyramid). */
  pyramidAfter: number[]
}

export interface AttentionConfig {
  type: AttentionType
  /** Hidden size of additive / location-aware scoring. */
  dim: number
  /** Location-aware only: convolution channels and (odd) kernel width over the previous alignment. */
  locFilters: number
  locKernel: number
}

export interface DecoderConfig {
  /** Units of the decoder LSTM and of the combined output tanh(W[c; s] + b). */
  units: number
  /** Character embedding size. */
  embedDim: number
  peepholes: boolean
}

/** Everything needed to rebuild a model and its pre/post-processing; stored in every checkpoint. */
export interface ModelConfig {
  formatVersion: number
  features: FeatureConfig
  /** Feature normalisation; null until computed over a training set. */
  cmvn: Cmvn | null
  /** Input-level normalisation (before CMVN); null in models trained before it existed, which read raw levels. */
  inputLevel: InputLevel | null
  tokens: string[]
  normalizerVersion: number
  encoder: EncoderConfig
  attention: AttentionConfig
  decoder: DecoderConfig
  /** λ of the joint loss λ·CTC + (1-λ)·CE; 0 still builds the CTC head. */
  ctcWeight: number
  /** Seed for weight initialisation. */
  seed: number
}

/**
 * Default architecture. Decision, measured with src/bench/train-bench.ts and infer-bench.ts on the 2-core build
 * machine (wasm, project kernels; the machine was shared with a TTS corpus job, load ~4, so absolute figures
 * are pessimistic): 80-dim log-mel stacked 4x to 40 ms steps (25 per second: enough encoder steps for CTC at
 * ~15 chars/s, which a pyramid down to 80 ms would not leave), 2 BiLSTM layers of 128 units with the seed's
 * peepholes, location-aware attention (128 units, 10 filters of width 31), one 256-unit LSTM speller with 64-dim
 * embeddings, CTC weight 0.3. 1.66 M parameters = 6.7 MB of float32 weights (budget 25 MB).
 * Measured: 30-33 audio-s/s trained per thread at 32 utterances x 4 s (stock kernels: 4.4-4.6, i.e. 6.5-7.5x),
 * greedy RTF 0.064 for an untrained model decoding to its length limit (PocketSphinx 0.28 in the same run).
 * Variants measured back to back: a 128-unit speller gave no measurable gain (attention over the 256-dim memory
 * and per-step overhead dominate the speller); one encoder layer ~1.2-1.4x faster.
 */
const defaults: ModelConfig = {
  formatVersion: MODEL_FORMAT_VERSION,
  features: { ...DEFAULT_FEATURE_CONFIG },
  cmvn: null,
  inputLevel: null,
  tokens: [...DEFAULT_TOKENS],
  normalizerVersion: NORMALIZER_VERSION,
  encoder: { cell: 'lstm', peepholes: true, stack: 4, layers: 2, units: 128, pyramidAfter: [] },
  attention: { type: 'location', dim: 128, locFilters: 10, locKernel: 31 },
  decoder: { units: 256, embedDim: 64, peepholes: true },
  ctcWeight: 0.3,
  seed: 1
}

/** A fresh copy of the default model config (safe to modify). */
export const defaultModelConfig = (): ModelConfig => structuredClone(defaults)

/** Encoder output feature size. */
export const memoryDim = (cfg: ModelConfig): number => 2 * cfg.encoder.units

/** Encoder time reduction factor relative to 10 ms feature frames. */
export const timeReduction = (cfg: ModelConfig): number => cfg.encoder.stack * 2 ** cfg.encoder.pyramidAfter.length

/** @throws with a message naming the bad field */
export function validateModelConfig(cfg: ModelConfig): void {
  const fail = (msg: string): never => {
    throw new Error(`invalid model config: ${msg}`)
  }
  if (cfg.formatVersion !== MODEL_FORMAT_VERSION) {
    fail(`formatVersion ${cfg.formatVersion} is not supported (this build reads version ${MODEL_FORMAT_VERSION})`)
  }
  if (cfg.normalizerVersion !== NORMALIZER_VERSION) {
    fail(`normalizerVersion ${cfg.normalizerVersion} differs from this build's text policy v${NORMALIZER_VERSION}`)
  }
  const { encoder: e, attention: a, decoder: d } = cfg
  if (e.stack < 1 || e.layers < 1 || e.units < 1) fail('encoder stack, layers and units must be >= 1')
  if (e.pyramidAfter.some((l) => l < 0 || l >= e.layers - 1)) fail('encoder.pyramidAfter must name layers before the last')
  if (a.type === 'dot' && d.units !== memoryDim(cfg)) fail(`dot attention needs decoder.units == 2 * encoder.units`)
  if (a.type === 'location' && a.locKernel % 2 === 0) fail('attention.locKernel must be odd')
  if (cfg.ctcWeight < 0 || cfg.ctcWeight > 1) fail('ctcWeight must be in [0, 1]')
  if (cfg.cmvn && cfg.cmvn.mean.length !== cfg.features.melBands) fail('cmvn dimension differs from features.melBands')
}
