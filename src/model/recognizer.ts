import * as tf from '@tensorflow/tfjs'
import type { ModelConfig } from './config'
import { greedySearch, type GreedyOptions } from './decoding/greedy'
import type { FeatureMatrix } from './features/feature-config'
import { computeLogMel } from './features/log-mel'
import { loadModel } from './io/checkpoint'
import type { Seq2SeqModel } from './network/seq2seq'
import { Vocabulary } from './text/vocabulary'
import { collate, featureTensor } from './training/collate'

/** One utterance's transcript with its character-level alignment. */
export interface Transcription {
  text: string
  /** Emitted token ids (no sos/eos). */
  tokens: number[]
  /** Attention of each emitted token over encoder steps, [tokens.length][encoderSteps]. */
  attention: number[][]
  /** Duration of one encoder step in seconds (attention column j covers [j, j+1) x this). */
  encoderStepSeconds: number
  logProb: number
}

/**
 * Heavy, immutable recogniser (Vosk's Model): weights + config + vocabulary. Feed it raw log-mel from
 * computeLogMel / LogMelStream with this model's feature config; CMVN is applied here.
 */
export class Recognizer {
  readonly vocabulary: Vocabulary

  constructor(readonly model: Seq2SeqModel) {
    this.vocabulary = new Vocabulary(model.config.tokens)
  }

  /** Loads a checkpoint through a tf.io handler (file path in Node, URL in a browser). */
  static async load(handler: tf.io.IOHandler): Promise<Recognizer> {
    return new Recognizer(await loadModel(handler))
  }

  get config(): ModelConfig {
    return this.model.config
  }

  /** Raw log-mel of 16 kHz PCM with this model's front-end settings. */
  features(pcm: Float32Array): FeatureMatrix {
    return computeLogMel(pcm, this.model.config.features)
  }

  /** Greedy transcription of several utterances at once (raw log-mel each). */
  transcribeBatch(features: readonly FeatureMatrix[], opts: GreedyOptions = {}): Transcription[] {
    const { features: fc, encoder } = this.model.config
    const stepSeconds = (fc.hopSamples / fc.sampleRate) * encoder.stack * 2 ** encoder.pyramidAfter.length
    const nonEmpty = features.map((f) => (f.frames > 0 ? f : { frames: 1, dim: f.dim, data: new Float32Array(f.dim) }))
    const hb = collate(nonEmpty.map((feats, i) => ({ id: String(i), feats, tokens: [] })), this.model.config.cmvn, fc.hopSamples / fc.sampleRate)
    const feats = featureTensor(hb)
    try {
      return greedySearch(this.model, feats, hb.featLens, opts).map((h) => ({
        text: this.vocabulary.decode(h.tokens), tokens: h.tokens, attention: h.attention, encoderStepSeconds: stepSeconds, logProb: h.logProb
      }))
    } finally {
      feats.dispose()
    }
  }

  /** Greedy transcription of one utterance's raw log-mel. */
  transcribe(features: FeatureMatrix, opts: GreedyOptions = {}): Transcription {
    return this.transcribeBatch([features], opts)[0]!
  }

  dispose(): void {
    this.model.dispose()
  }
}
