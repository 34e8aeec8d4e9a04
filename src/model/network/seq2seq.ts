import * as tf from '@tensorflow/tfjs'
import { memoryDim, validateModelConfig, type ModelConfig } from '../config'
import { attentionScorer, createAttentionWeights, type AttentionScorer, type AttentionWeights } from './attention-scorers'
import { createCtcHeadWeights, type CtcHeadWeights } from './ctc-head'
import { createDecoderWeights, type DecoderWeights } from './decoder'
import { createEncoderWeights, type EncoderWeights } from './encoder'
import { ParamBuilder, countParams, disposeParams, type ParamMap } from './params'

/**
 * The attention encoder-decoder (LAS-style listener + speller, CTC head on the listener) as plain variables.
 * Heavy and immutable apart from training updates; one per loaded checkpoint.
 */
export class Seq2SeqModel {
  readonly scorer: AttentionScorer

  private constructor(
    readonly config: ModelConfig,
    readonly params: ParamMap,
    readonly encoder: EncoderWeights,
    readonly attention: AttentionWeights,
    readonly decoder: DecoderWeights,
    readonly ctc: CtcHeadWeights
  ) {
    this.scorer = attentionScorer(attention)
  }

  /**
   * A fresh, seeded, untrained model.
   * @throws if the config is invalid
   */
  static create(config: ModelConfig): Seq2SeqModel {
    validateModelConfig(config)
    const cfg = structuredClone(config)
    const pb = new ParamBuilder(cfg.seed)
    const vocab = cfg.tokens.length
    const mem = memoryDim(cfg)
    const encoder = createEncoderWeights(pb, cfg.encoder, cfg.features.melBands)
    const attention = createAttentionWeights(pb, cfg.attention, mem, cfg.decoder.units)
    const decoder = createDecoderWeights(pb, cfg.decoder, vocab, mem)
    const ctc = createCtcHeadWeights(pb, mem, vocab)
    return new Seq2SeqModel(cfg, pb.params, encoder, attention, decoder, ctc)
  }

  get parameterCount(): number {
    return countParams(this.params)
  }

  /** Copies every weight from `values` (same names and shapes) into this model's variables. */
  assignWeights(values: Record<string, tf.Tensor>): void {
    for (const [name, v] of this.params) {
      const t = values[name]
      if (!t) throw new Error(`checkpoint has no weight ${name}`)
      if (!tf.util.arraysEqual(t.shape, v.shape)) throw new Error(`weight ${name}: checkpoint shape [${t.shape}] != model [${v.shape}]`)
      v.assign(t)
    }
  }

  dispose(): void {
    disposeParams(this.params)
  }
}
