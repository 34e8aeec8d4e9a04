import * as tf from '@tensorflow/tfjs'
import { charErrorRate, wordErrorRate, type ErrorRate } from '../decoding/metrics'
import { greedySearch } from '../decoding/greedy'
import type { Seq2SeqModel } from '../network/seq2seq'
import { Vocabulary } from '../text/vocabulary'
import { collate, featureTensor } from './collate'
import type { Example } from './example'

/** Greedy-decoding error rates over a set, plus the hypotheses in input order. */
export interface EvaluationResult {
  cer: ErrorRate
  wer: ErrorRate
  hypotheses: string[]
}

/** Decodes `examples` greedily in batches of `batchSize` and scores them against their tokens. */
export function evaluateGreedy(model: Seq2SeqModel, examples: readonly Example[], batchSize = 16): EvaluationResult {
  const vocab = new Vocabulary(model.config.tokens)
  const frameSeconds = model.config.features.hopSamples / model.config.features.sampleRate
  const hypotheses: string[] = []
  for (let start = 0; start < examples.length; start += batchSize) {
    const hb = collate(examples.slice(start, start + batchSize), model.config, frameSeconds)
    const feats = featureTensor(hb)
    hypotheses.push(...greedySearch(model, feats, hb.featLens).map((h) => vocab.decode(h.tokens)))
    tf.dispose(feats)
  }
  const pairs = examples.map((e, i): [string, string] => [vocab.decode(e.tokens), hypotheses[i]!])
  return { cer: charErrorRate(pairs), wer: wordErrorRate(pairs), hypotheses }
}
