import * as tf from '@tensorflow/tfjs'
import { advanceDecoder, embedTokens, initialDecoderState, openDecoderSession, outputLogits, type DecoderState } from '../network/decoder'
import { encode } from '../network/encoder'
import type { Seq2SeqModel } from '../network/seq2seq'
import { EOS_ID, SOS_ID } from '../text/vocabulary'

/** Greedy hypothesis of one utterance. */
export interface GreedyHypothesis {
  /** Emitted token ids, without sos and eos. */
  tokens: number[]
  /** Attention weights of each emitted token over the valid encoder steps: [U][T']. */
  attention: number[][]
  /** Sum of log-probabilities of the emitted tokens (and eos when reached). */
  logProb: number
}

export interface GreedyOptions {
  /** Stop after ceil(ratio x encoder steps) + 2 tokens if no eos came (default 1). */
  maxLenRatio?: number
}

/**
 * Batched greedy search: start from sos, feed back the argmax until every utterance emitted eos.
 * Leaves no tensors behind.
 * @param feats CMVN-normalised log-mel [B, T, F]; lengths valid frames per utterance
 */
export function greedySearch(model: Seq2SeqModel, feats: tf.Tensor3D, lengths: readonly number[], opts: GreedyOptions = {}): GreedyHypothesis[] {
  const batch = lengths.length
  const hyps: GreedyHypothesis[] = Array.from({ length: batch }, () => ({ tokens: [], attention: [], logProb: 0 }))
  tf.tidy(() => {
    const enc = encode(model.encoder, model.config.encoder, feats, lengths)
    const session = openDecoderSession(model.decoder, model.scorer, enc.memory, enc.lengths)
    const maxSteps = Math.ceil((opts.maxLenRatio ?? 1) * enc.memory.shape[1]) + 2
    const done = new Array<boolean>(batch).fill(false)
    let state: DecoderState = initialDecoderState(session)
    let prev: tf.Tensor1D = tf.fill([batch], SOS_ID, 'int32')
    for (let u = 0; u < maxSteps && done.includes(false); u++) {
      const next = tf.tidy(() => {
        const st = advanceDecoder(session, embedTokens(session, prev), state)
        const logp = tf.logSoftmax(outputLogits(session.weights, st.context, st.h))
        return { ...st, ids: tf.argMax(logp, 1) as tf.Tensor1D, best: tf.max(logp, 1) as tf.Tensor1D }
      })
      tf.dispose([prev, state.h, state.c, state.context, state.align])
      const ids = next.ids.dataSync()
      const best = next.best.dataSync()
      const align = next.align.arraySync()
      for (let b = 0; b < batch; b++) {
        if (done[b]) continue
        hyps[b]!.logProb += best[b]!
        if (ids[b] === EOS_ID) {
          done[b] = true
          continue
        }
        hyps[b]!.tokens.push(ids[b]!)
        hyps[b]!.attention.push(align[b]!.slice(0, enc.lengths[b]))
      }
      tf.dispose([next.best])
      prev = next.ids
      state = next
    }
  })
  return hyps
}
