import * as tf from '@tensorflow/tfjs'
import { jointLoss } from '../loss/joint-loss'
import { forwardTrain } from '../network/forward'
import type { Seq2SeqModel } from '../network/seq2seq'
import { featureTensor, targetTensors } from './collate'
import type { HostBatch } from './example'

/** Loss statistics of one gradient computation (per-utterance means over `utterances`). */
export interface LossStats {
  loss: number
  ctc: number
  ce: number
  utterances: number
  infeasibleCtc: number
}

/**
 * Joint-loss gradients of every model weight for one (shard of a) batch.
 * @returns gradients by parameter name (caller disposes) and the loss statistics
 */
export function computeGradients(model: Seq2SeqModel, hb: HostBatch, labelSmoothing: number): { grads: Map<string, tf.Tensor>; stats: LossStats } {
  let infeasibleCtc = 0
  const parts: tf.Scalar[] = []
  const { value, grads } = tf.tidy(() => {
    const feats = featureTensor(hb)
    const targets = targetTensors(hb.labels)
    return tf.variableGrads(() => {
      const out = forwardTrain(model, feats, hb.featLens, targets.yIn)
      const loss = jointLoss(out, targets, model.config.ctcWeight, labelSmoothing)
      infeasibleCtc = loss.infeasibleCtc
      parts.push(tf.keep(loss.ctc), tf.keep(loss.ce))
      return loss.total
    }, [...model.params.values()])
  })
  const byName = new Map<string, tf.Tensor>()
  for (const [name, v] of model.params) byName.set(name, grads[v.name]!)
  const [ctc, ce] = parts.map((p) => p.dataSync()[0]!)
  const stats = { loss: value.dataSync()[0]!, ctc: ctc!, ce: ce!, utterances: hb.batch, infeasibleCtc }
  tf.dispose([value, ...parts])
  return { grads: byName, stats }
}
