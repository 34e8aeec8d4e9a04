import * as tf from '@tensorflow/tfjs'
import type { DecoderSession, DecoderState } from '../network/decoder'

/**
 * A one-utterance decoder session run for `k` hypotheses at once: the attention memory [1, T', D] and its keys
 * stay single and broadcast against the k queries (copying them k times cost a fifth of a beam decode on wasm),
 * so the beam runs one speller step for all hypotheses.
 * @param session a session over memory [1, T', D]
 */
export function shareSession(session: DecoderSession, k: number): DecoderSession {
  return { ...session, lengths: new Array<number>(k).fill(session.lengths[0]!) }
}

/** The rows `rows` of every tensor of a decoder state (the surviving hypotheses' parents), as a new state. */
export function gatherState(state: DecoderState, rows: Int32Array): DecoderState {
  return tf.tidy(() => {
    const idx = tf.tensor1d(rows, 'int32')
    return { h: tf.gather(state.h, idx), c: tf.gather(state.c, idx), context: tf.gather(state.context, idx), align: tf.gather(state.align, idx) }
  })
}
