import { DEFAULT_DECODER_SETTINGS } from '../../shared/decoder-defaults'
import type { NgramLm } from '../lm/ngram-lm'

/** Which search turns the speller's (and CTC head's) scores into a transcript. */
export type DecoderKind = 'greedy' | 'beam' | 'joint'

/** Decoding settings (the engine's `--decoder`, `--beam`, `--lm`, `--lm-weight`, `--hotwords`). */
export interface DecodeOptions {
  /**
   * greedy: argmax, batched over utterances (ignores lm and hotwords); beam: attention beam search; joint:
   * CTC/attention beam search (the one to use with hot words: CTC keeps the rest of the sentence in place).
   */
  decoder: DecoderKind
  /** Beam width (beam, joint). 1 behaves as greedy. */
  beam: number
  /**
   * λ of joint decoding: score = λ·log p_ctc + (1-λ)·log p_att (0: attention only, 1: CTC prefix scores only).
   * Tuned on dev rows the decoder bench does not score (s2s-en 0.1.12000, beam 8, WER): dev_synth rows 100-299
   * λ 0.05 / 0.1 / 0.15 / 0.2 / 0.3 = 24.6 / 24.8 / 25.8 / 26.7 / 28.6 (attention beam 25.9); dev_synth_long rows
   * 30-71 λ 0.1 / 0.2 / 0.3 = 23.9 / 25.6 / 28.1 (attention beam 42.5). A little CTC keeps long input in place;
   * more trades whole words for characters (CER moves far less than WER).
   */
  ctcWeight: number
  /**
   * α of the length normalisation score / ((5 + |y|) / 6)^α of ended hypotheses (0: none). Without it the
   * attention beam prefers hypotheses that end early (dev_synth rows 200-299, s2s-en 0.1.8500: CER 25.2% at α = 0,
   * 13.8% at α = 1, greedy 15.7%); joint search barely moves (13.9% → 13.6%), CTC already pays for dropped words.
   */
  lengthPenalty: number
  /** At most ceil(ratio x encoder steps) + 2 tokens. */
  maxLenRatio: number
  /** Word n-gram LM for shallow fusion at word ends (beam, joint); absent: none. */
  lm?: NgramLm
  /** Weight of ln P_lm per word. */
  lmWeight: number
  /** Nats added per completed word when an LM is fused (offsets the LM's cost per word). */
  wordBonus: number
  /** Words or phrases to favour (names, jargon); normalised like transcripts. */
  hotwords: string[]
  /** Nats per character of a hot word, confirmed at its end. */
  hotwordBonus: number
}

export const DEFAULT_DECODE_OPTIONS: Readonly<DecodeOptions> = Object.freeze({
  decoder: DEFAULT_DECODER_SETTINGS.decoder,
  beam: DEFAULT_DECODER_SETTINGS.beam,
  ctcWeight: DEFAULT_DECODER_SETTINGS.ctcWeight,
  lengthPenalty: 1,
  maxLenRatio: 1,
  lmWeight: DEFAULT_DECODER_SETTINGS.lmWeight,
  wordBonus: DEFAULT_DECODER_SETTINGS.wordBonus,
  hotwords: [],
  hotwordBonus: DEFAULT_DECODER_SETTINGS.hotwordBonus
})
