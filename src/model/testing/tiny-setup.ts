import { CmvnAccumulator } from '../features/cmvn'
import { computeLogMel } from '../features/log-mel'
import { defaultModelConfig, type ModelConfig } from '../config'
import { Vocabulary } from '../text/vocabulary'
import { nonSpeechExample, toExample, type Example } from '../training/example'

/** A small architecture for fast tests: one BiLSTM layer of 48 units, 64-unit speller. */
export function tinyModelConfig(): ModelConfig {
  const cfg = defaultModelConfig()
  cfg.encoder = { ...cfg.encoder, layers: 1, units: 48 }
  cfg.attention = { ...cfg.attention, dim: 32, locFilters: 4, locKernel: 15 }
  cfg.decoder = { units: 64, embedDim: 16, peepholes: true }
  return cfg
}

/** Turns (text, pcm) pairs (text '' for non-speech) into examples with `cfg`'s front-end and sets cfg.cmvn from them. */
export function examplesFrom(cfg: ModelConfig, utterances: readonly { text: string; pcm: Float32Array }[]): Example[] {
  const vocab = new Vocabulary(cfg.tokens)
  const acc = new CmvnAccumulator()
  const examples = utterances.map((u, i) => {
    const feats = computeLogMel(u.pcm, cfg.features)
    acc.add(feats)
    return u.text === '' ? nonSpeechExample(String(i), feats) : toExample(String(i), feats, u.text, vocab)
  })
  cfg.cmvn = acc.finish()
  return examples
}
