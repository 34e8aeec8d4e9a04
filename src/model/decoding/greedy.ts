import * as tf from '@tensorflow/tfjs'
import { advanceDecoder, embedTokens, initialDecoderState, openDecoderSession, outputLogits, type DecoderState } from '../network/decoder'
import { encode, type EncoderOutput } from '../network/encoder'
import type { Seq2SeqModel } from '../network/seq2seq'
import { EOS_ID, SOS_ID } from '../text/vocabulary'

/** Greedy hypothesis of one utterance. */
export interface GreedyHypothesis {
  /** Emitted token ids, without sos and eos. */
  tokens: number[]
  /** Attention weights of each emitted token over the valid encoder steps: [U][T']. */
  attention: number[][]
  /** Log-probability of each emitted token. */
  tokenLogProbs: number[]
  /** Sum of log-probabilities of the emitted tokens (and eos when reached). */
  logProb: number
}

export interface GreedyOptions {
  /** Stop after ceil(ratio x encoder steps) + 2 tokens if no eos came (default 1). */
  maxLenRatio?: number
}

/** Argmax of row b of logits [B, V] and its log-probability. */
function pickBest(logits: ArrayLike<number>, b: number, vocab: number): { token: number; logProb: number } {
  let best = 0
  let max = -Infinity
  for (let k = 0; k < vocab; k++) {
    if (logits[b * vocab + k]! > max) [max, best] = [logits[b * vocab + k]!, k]
  }
  let sum = 0
  for (let k = 0; k < vocab; k++) sum += Math.exp(logits[b * vocab + k]! - max)
  return { token: best, logProb: -Math.log(sum) }
}

/**
 * Batched greedy search: start from sos, feed back the argmax until every utterance emitted eos.
 * Leaves no tensors behind.
 * @param feats CMVN-normalised log-mel [B, T, F]; lengths valid frames per utterance
 */
export function greedySearch(model: Seq2SeqModel, feats: tf.Tensor3D, lengths: readonly number[], opts: GreedyOptions = {}): GreedyHypothesis[] {
  let hyps: GreedyHypothesis[] = []
  tf.tidy(() => {
    hyps = greedyDecode(model, encode(model.encoder, model.config.encoder, feats, lengths), opts)
  })
  return hyps
}

/**
 * Greedy search over an encoded batch (the encoder output stays the caller's). Leaves no other tensors behind.
 * @param enc encoder memory [B, T', D] and valid steps per utterance
 */
export function greedyDecode(model: Seq2SeqModel, enc: EncoderOutput, opts: GreedyOptions = {}): GreedyHypothesis[] {
  const batch = enc.lengths.length
  const hyps: GreedyHypothesis[] = Array.from({ length: batch }, () => ({ tokens: [], attention: [], tokenLogProbs: [], logProb: 0 }))
  tf.tidy(() => {
    const session = openDecoderSession(model.decoder, model.scorer, enc.memory, enc.lengths)
    const maxSteps = Math.ceil((opts.maxLenRatio ?? 1) * enc.memory.shape[1]) + 2
    const vocab = model.config.tokens.length
    const done = new Array<boolean>(batch).fill(false)
    let state: DecoderState = initialDecoderState(session)
    let prev = new Int32Array(batch).fill(SOS_ID)
    for (let u = 0; u < maxSteps && done.includes(false); u++) {
      const next = tf.tidy(() => {
        const st = advanceDecoder(session, embedTokens(session, tf.tensor1d(prev, 'int32')), state)
        return { ...st, logits: outputLogits(session.weights, st.context, st.h) }
      })
      tf.dispose([state.h, state.c, state.context, state.align])
      const logits = next.logits.dataSync() // [B, V]: argmax and log-softmax on 32 values are cheaper in JS
      const align = next.align.arraySync()
      next.logits.dispose()
      const picks = Array.from({ length: batch }, (_, b) => pickBest(logits, b, vocab))
      prev = Int32Array.from(picks, (p) => p.token)
      for (let b = 0; b < batch; b++) {
        if (done[b]) continue
        const hyp = hyps[b]!
        hyp.logProb += picks[b]!.logProb
        if (prev[b] === EOS_ID) done[b] = true
        else {
          hyp.tokens.push(prev[b]!)
          hyp.tokenLogProbs.push(picks[b]!.logProb)
          hyp.attention.push(align[b]!.slice(0, enc.lengths[b]))
        }
      }
      state = next
    }
  })
  return hyps
}
