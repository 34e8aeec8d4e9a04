import * as tf from '@tensorflow/tfjs'
import type { ModelConfig } from './config'
import { forceAlign } from './alignment/forced-alignment'
import { snapToVoicing } from './alignment/snap-to-voicing'
import type { TimingSource, WordTiming } from './alignment/word-timings'
import { decodeBatch } from './decoding/decode'
import type { DecodeOptions } from './decoding/decode-options'
import { greedySearch, type GreedyOptions } from './decoding/greedy'
import type { FeatureMatrix } from './features/feature-config'
import { computeLogMel } from './features/log-mel'
import { loadModel } from './io/checkpoint'
import type { Seq2SeqModel } from './network/seq2seq'
import { Vocabulary } from './text/vocabulary'
import { frameEnergies } from './features/frame-energy'
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

/** A transcription from any decoder, with word times and confidences from forced alignment. */
export interface Recognition extends Transcription {
  /** Decoder log-probability of each emitted token. */
  tokenLogProbs: number[]
  /** The search's ranking score (with LM and hot-word terms; greedy: logProb). */
  score: number
  words: WordTiming[]
  /** ctc: Viterbi alignment on the CTC posteriors; attention: attention peaks (CTC unusable). */
  timing: TimingSource
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

  /** Seconds covered by one encoder step (attention column / CTC frame). */
  get encoderStepSeconds(): number {
    const { features: fc, encoder } = this.model.config
    return (fc.hopSamples / fc.sampleRate) * encoder.stack * 2 ** encoder.pyramidAfter.length
  }

  /** Greedy transcription of several utterances at once (raw log-mel each). */
  transcribeBatch(features: readonly FeatureMatrix[], opts: GreedyOptions = {}): Transcription[] {
    const stepSeconds = this.encoderStepSeconds
    return this.withFeatureTensor(features, (feats, lengths) => greedySearch(this.model, feats, lengths, opts).map((h) => ({
      text: this.vocabulary.decode(h.tokens), tokens: h.tokens, attention: h.attention, encoderStepSeconds: stepSeconds, logProb: h.logProb
    })))
  }

  /**
   * Transcribes several utterances (raw log-mel each) with the decoder `options` pick, with word timings; utterance
   * i's transcript starts with `prefixes[i]` (token ids) where its audio still allows it.
   */
  decodeBatch(features: readonly FeatureMatrix[], options: Partial<DecodeOptions> = {}, prefixes: ReadonlyArray<readonly number[]> = []): Recognition[] {
    const stepSeconds = this.encoderStepSeconds
    return this.withFeatureTensor(features, (feats, lengths) => decodeBatch(this.model, feats, lengths, stepSeconds, options, prefixes).map((d, i) => ({
      text: this.vocabulary.decode(d.tokens), tokens: d.tokens, attention: d.attention, encoderStepSeconds: stepSeconds, logProb: d.logProb,
      tokenLogProbs: d.tokenLogProbs, score: d.score, words: this.#snap(d.words, features[i]!), timing: d.timing
    })))
  }

  /** One utterance's raw log-mel through decodeBatch. */
  decode(features: FeatureMatrix, options: Partial<DecodeOptions> = {}, prefix: readonly number[] = []): Recognition {
    return this.decodeBatch([features], options, [prefix])[0]!
  }

  /**
   * Forced alignment of a known transcript (normalised text) to one utterance's raw log-mel: word times and
   * confidences from CTC Viterbi, or null when the text cannot fit in the audio.
   */
  align(features: FeatureMatrix, text: string): WordTiming[] | null {
    const words = this.withFeatureTensor([features], (feats, lengths) => forceAlign(this.model, feats, lengths, [text], this.encoderStepSeconds)[0]!)
    return words && this.#snap(words, features)
  }

  /** Word times refined to 10 ms with the utterance's frame energies (see snapToVoicing). */
  #snap(words: readonly WordTiming[], features: FeatureMatrix): WordTiming[] {
    const fc = this.model.config.features
    return snapToVoicing(words, frameEnergies(features.data, features.dim), fc.hopSamples / fc.sampleRate)
  }

  /** CMVN-normalised, padded feature tensor [B, T, F] of raw log-mel (an empty utterance gets one zero frame). */
  private withFeatureTensor<R>(features: readonly FeatureMatrix[], run: (feats: tf.Tensor3D, lengths: number[]) => R): R {
    const fc = this.model.config.features
    const nonEmpty = features.map((f) => (f.frames > 0 ? f : { frames: 1, dim: f.dim, data: new Float32Array(f.dim) }))
    const hb = collate(nonEmpty.map((feats, i) => ({ id: String(i), feats, tokens: [] })), this.model.config, fc.hopSamples / fc.sampleRate)
    const feats = featureTensor(hb)
    try {
      return run(feats, hb.featLens)
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
