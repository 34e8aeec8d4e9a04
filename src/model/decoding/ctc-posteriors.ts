import * as tf from '@tensorflow/tfjs'
import { ctcLogits } from '../network/ctc-head'
import type { EncoderOutput } from '../network/encoder'
import type { Seq2SeqModel } from '../network/seq2seq'
import type { CtcPosteriors } from './ctc-prefix-score'

/** The CTC head's log posteriors of each utterance of an encoded batch, over its valid encoder steps. */
export function ctcPosteriors(model: Seq2SeqModel, enc: EncoderOutput): CtcPosteriors[] {
  const steps = enc.memory.shape[1]
  const vocab = model.config.tokens.length
  const all = tf.tidy(() => tf.logSoftmax(ctcLogits(model.ctc, enc.memory))).dataSync() as Float32Array
  return enc.lengths.map((frames, b) => ({ data: all.subarray(b * steps * vocab, (b * steps + frames) * vocab), frames, vocab }))
}
