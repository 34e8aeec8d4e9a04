import * as tf from '@tensorflow/tfjs'
import { ctcPosteriors } from '../decoding/ctc-posteriors'
import { encode } from '../network/encoder'
import type { Seq2SeqModel } from '../network/seq2seq'
import { BLANK_ID, Vocabulary } from '../text/vocabulary'
import { ctcViterbi } from './ctc-viterbi'
import { wordsFromSpans, type WordTiming } from './word-timings'

/**
 * Forced alignment of known transcripts (normalised text) to their audio by CTC Viterbi: word times and
 * confidences. Leaves no tensors behind.
 * @param feats CMVN-normalised log-mel [B, T, F]; lengths valid frames per utterance
 * @returns per utterance its words, or null where the text cannot fit in the encoder steps
 */
export function forceAlign(model: Seq2SeqModel, feats: tf.Tensor3D, lengths: readonly number[], texts: readonly string[], stepSeconds: number): (WordTiming[] | null)[] {
  const vocabulary = new Vocabulary(model.config.tokens)
  let posteriors: ReturnType<typeof ctcPosteriors> = []
  tf.tidy(() => {
    posteriors = ctcPosteriors(model, encode(model.encoder, model.config.encoder, feats, lengths))
  })
  return texts.map((text, b) => {
    const tokens = vocabulary.encode(text)
    const spans = ctcViterbi(posteriors[b]!, tokens, BLANK_ID)
    return spans && wordsFromSpans(tokens, spans, vocabulary, stepSeconds)
  })
}
