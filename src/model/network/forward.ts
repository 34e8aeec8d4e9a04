import type * as tf from '@tensorflow/tfjs'
import { ctcLogits } from './ctc-head'
import { openDecoderSession, teacherForce } from './decoder'
import { encode } from './encoder'
import type { Seq2SeqModel } from './seq2seq'

/** Outputs of one teacher-forced pass; all tensors belong to the caller's tf.tidy scope. */
export interface TrainForward {
  ctcLogits: tf.Tensor3D // [B, T', V]
  encLengths: number[]
  attLogits: tf.Tensor3D // [B, U, V]
  aligns: tf.Tensor2D[] // [U] x [B, T']
}

/**
 * Full forward pass for training: encoder, CTC head, teacher-forced speller.
 * @param feats CMVN-normalised log-mel [B, T, F]; featLens valid frames per utterance
 * @param yIn decoder inputs [B, U] (sos + targets, padded) int32
 */
export function forwardTrain(model: Seq2SeqModel, feats: tf.Tensor3D, featLens: readonly number[], yIn: tf.Tensor2D): TrainForward {
  const { memory, lengths } = encode(model.encoder, model.config.encoder, feats, featLens)
  const session = openDecoderSession(model.decoder, model.scorer, memory, lengths)
  const { logits, aligns } = teacherForce(session, yIn)
  return { ctcLogits: ctcLogits(model.ctc, memory), encLengths: lengths, attLogits: logits, aligns }
}
