import * as tf from '@tensorflow/tfjs'
import type { DecoderSession, DecoderState } from '../network/decoder'

/**
 * A one-utterance decoder session repeated for `k` hypotheses: the attention memory (and its prepared keys) is
 * computed once and tiled, so the beam runs one speller step for all hypotheses. Tensors belong to the
 * caller's scope.
 * @param session a session over memory [1, T', D]
 */
export function tileSession(session: DecoderSession, k: number): DecoderSession {
  const a = session.attention
  const tile3 = (x: tf.Tensor3D): tf.Tensor3D => tf.tile(x, [k, 1, 1])
  return {
    ...session,
    attention: { memory: tile3(a.memory), memoryT: tile3(a.memoryT), keys: tile3(a.keys), keysT: tile3(a.keysT), maskBias: tf.tile(a.maskBias, [k, 1]) },
    lengths: new Array<number>(k).fill(session.lengths[0]!)
  }
}

/** The rows `rows` of every tensor of a decoder state (the surviving hypotheses' parents), as a new state. */
export function gatherState(state: DecoderState, rows: Int32Array): DecoderState {
  return tf.tidy(() => {
    const idx = tf.tensor1d(rows, 'int32')
    return { h: tf.gather(state.h, idx), c: tf.gather(state.c, idx), context: tf.gather(state.context, idx), align: tf.gather(state.align, idx) }
  })
}
