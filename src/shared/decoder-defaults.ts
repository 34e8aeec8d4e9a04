import type { DecoderSettings } from './contract'

/**
 * The decoder settings the app starts with, for the settings form and for the engine's omitted fields (how each
 * value was chosen: src/model/decoding/decode-options.ts). The bundled LM is on: on s2s-en 0.3.2500 it lowered the
 * WER of every held-out set but one (`scripts/model/evaluate.sh` with and without `--lm bundled`): dev_synth
 * 21.38 -> 16.78%, the held-out voice 56.76 -> 48.04%, the PocketSphinx files 79.17 -> 77.08%, FSDD 4.80 both,
 * Speech Commands 16.37 -> 16.76% (single words, which a sentence LM does not know), at about the same RTF.
 */
export const DEFAULT_DECODER_SETTINGS = Object.freeze({
  decoder: 'joint',
  beam: 8,
  ctcWeight: 0.1,
  lm: true,
  lmWeight: 0.3,
  wordBonus: 0.5,
  hotwordBonus: 2
} as const satisfies Required<Omit<DecoderSettings, 'lmPath' | 'hotwords'>>)
