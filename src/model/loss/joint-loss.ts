import * as tf from '@tensorflow/tfjs'
import { BLANK_ID } from '../text/vocabulary'
import type { TrainForward } from '../network/forward'
import { ctcLoss } from './ctc-loss'
import { smoothedCrossEntropy } from './cross-entropy'

/** Padded decoder targets of a batch. */
export interface TargetTensors {
  yOut: tf.Tensor2D // targets + eos, padded [B, U] int32
  yMask: tf.Tensor2D // 1 on real targets [B, U]
  labels: number[][] // unpadded token ids (no eos) for CTC
}

/** Scalar joint loss plus its parts (per-utterance means) for logging. */
export interface JointLoss {
  total: tf.Scalar
  ctc: tf.Scalar
  ce: tf.Scalar
  infeasibleCtc: number
}

/**
 * loss = λ·CTC + (1-λ)·CE, each averaged over the utterances of the batch (sums over frames / tokens inside
 * an utterance, as in ESPnet with length normalisation off).
 */
export function jointLoss(out: TrainForward, targets: TargetTensors, ctcWeight: number, smoothing: number): JointLoss {
  const ctc = ctcLoss(out.ctcLogits, out.encLengths, targets.labels, BLANK_ID)
  const ctcMean = tf.mean(ctc.loss) as tf.Scalar
  const ceMean = tf.mean(smoothedCrossEntropy(out.attLogits, targets.yOut, targets.yMask, smoothing)) as tf.Scalar
  const total = tf.add(tf.mul(ctcMean, ctcWeight), tf.mul(ceMean, 1 - ctcWeight)) as tf.Scalar
  return { total, ctc: ctcMean, ce: ceMean, infeasibleCtc: ctc.infeasible.length }
}
