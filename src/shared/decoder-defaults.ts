import type { DecoderSettings } from './contract'

/**
 * The decoder settings the app starts with, for the settings form and for the engine's omitted fields (how each
 * value was chosen: src/model/decoding/decode-options.ts).
 */
export const DEFAULT_DECODER_SETTINGS = Object.freeze({
  decoder: 'joint',
  beam: 8,
  ctcWeight: 0.1,
  lm: false,
  lmWeight: 0.3,
  wordBonus: 0.5,
  hotwordBonus: 2
} as const satisfies Required<Omit<DecoderSettings, 'lmPath' | 'hotwords'>>)
