import * as tf from '@tensorflow/tfjs'
import { alignWords, type TimingSource, type WordTiming } from '../alignment/word-timings'
import { openDecoderSession } from '../network/decoder'
import { encode, type EncoderOutput } from '../network/encoder'
import type { Seq2SeqModel } from '../network/seq2seq'
import { normalizeText } from '../text/normalizer'
import { BLANK_ID, EOS_ID, Vocabulary } from '../text/vocabulary'
import { beamSearch, type BeamHypothesis, type BeamSearchOptions } from './beam-search'
import { ctcPosteriors } from './ctc-posteriors'
import { CtcPrefixScorer, type CtcPosteriors } from './ctc-prefix-score'
import { DEFAULT_DECODE_OPTIONS, type DecodeOptions } from './decode-options'
import { greedyDecode } from './greedy'
import { HotwordBiasing } from './hotwords'
import type { TokenScorer } from './token-scorer'
import { WordLmFusion } from './word-lm-fusion'

/** One utterance's decoding result, with word times from forced alignment. */
export interface DecodedUtterance {
  /** Emitted token ids (no sos/eos). */
  tokens: number[]
  /** Attention of each emitted token over the valid encoder steps [tokens.length][T']. */
  attention: number[][]
  /** Attention-decoder log-probability of each token, and their sum (with eos when reached). */
  tokenLogProbs: number[]
  logProb: number
  /** The search's ranking score (greedy: logProb). */
  score: number
  words: WordTiming[]
  timing: TimingSource
}

/** The fusion scorers the options ask for (LM and word bonus, hot words). */
function tokenScorers(vocabulary: Vocabulary, opts: DecodeOptions): TokenScorer[] {
  const space = vocabulary.encode(' ')[0]!
  const scorers: TokenScorer[] = []
  if (opts.lm) scorers.push(new WordLmFusion(vocabulary.tokens, space, EOS_ID, opts.lm, opts.lmWeight, opts.wordBonus))
  const phrases = opts.hotwords.map(normalizeText).filter((p) => p !== '')
  if (phrases.length > 0 && opts.hotwordBonus !== 0) scorers.push(new HotwordBiasing(phrases.map((p) => vocabulary.encode(p)), space, EOS_ID, opts.hotwordBonus))
  return scorers
}

/**
 * Search of utterance b of an encoded batch, starting with `prefix` (greedy: a beam of 1 without fusion or length
 * normalisation, which is greedy search, its score the log-probability). When the prefix cannot be read from this audio any more (the search finds no hypothesis
 * through it) the utterance is decoded freely instead. Leaves no tensors behind.
 */
function searchOne(model: Seq2SeqModel, enc: EncoderOutput, b: number, posteriors: CtcPosteriors, opts: DecodeOptions, scorers: TokenScorer[],
  prefix: readonly number[]): BeamHypothesis {
  const steps = enc.lengths[b]!
  const greedy = opts.decoder === 'greedy'
  const search = (forced: readonly number[]): BeamSearchOptions => ({
    beam: greedy ? 1 : opts.beam, lengthPenalty: greedy ? 0 : opts.lengthPenalty, maxLenRatio: opts.maxLenRatio, scorers: greedy ? [] : scorers, prefix: forced,
    ctc: opts.decoder === 'joint' ? { scorer: new CtcPrefixScorer(posteriors, BLANK_ID, EOS_ID), weight: opts.ctcWeight } : null
  })
  let best: BeamHypothesis | undefined
  tf.tidy(() => {
    const memory = tf.slice(enc.memory, [b, 0, 0], [1, steps, -1])
    const session = openDecoderSession(model.decoder, model.scorer, memory, [steps])
    best = beamSearch(session, search(prefix))
    if (best.score === -Infinity && prefix.length > 0) best = beamSearch(session, search([]))
  })
  return best!
}

/**
 * Decodes a batch with the chosen search and aligns each transcript to the audio. The encoder and the CTC
 * head run once for the batch; greedy decodes the batch together, beam and joint one utterance at a time (its
 * hypotheses batched). Leaves no tensors behind.
 * @param feats CMVN-normalised log-mel [B, T, F]; lengths valid frames per utterance
 * @param stepSeconds duration of one encoder step (for word times)
 * @param prefixes tokens utterance b's transcript should start with (absent: none), unless its audio rules them out
 */
export function decodeBatch(model: Seq2SeqModel, feats: tf.Tensor3D, lengths: readonly number[], stepSeconds: number,
  options: Partial<DecodeOptions> = {}, prefixes: ReadonlyArray<readonly number[]> = []): DecodedUtterance[] {
  const opts: DecodeOptions = { ...DEFAULT_DECODE_OPTIONS, ...options }
  if (!Number.isInteger(opts.beam) || opts.beam < 1) throw new Error(`beam must be an integer >= 1, got ${opts.beam}`)
  if (!(opts.ctcWeight >= 0 && opts.ctcWeight <= 1)) throw new Error(`ctcWeight must be in [0, 1], got ${opts.ctcWeight}`)
  const vocabulary = new Vocabulary(model.config.tokens)
  let decoded: DecodedUtterance[] = []
  tf.tidy(() => {
    const enc = encode(model.encoder, model.config.encoder, feats, lengths)
    const posteriors = ctcPosteriors(model, enc)
    const scorers = tokenScorers(vocabulary, opts)
    const hyps = opts.decoder === 'greedy' && prefixes.every((p) => p.length === 0)
      ? greedyDecode(model, enc, { maxLenRatio: opts.maxLenRatio }).map((h) => ({ ...h, score: h.logProb }))
      : enc.lengths.map((_, b) => searchOne(model, enc, b, posteriors[b]!, opts, scorers, prefixes[b] ?? []))
    decoded = hyps.map((h, b) => ({ ...h, ...alignWords(posteriors[b]!, h.tokens, h.attention, h.tokenLogProbs, vocabulary, stepSeconds) }))
  })
  return decoded
}
