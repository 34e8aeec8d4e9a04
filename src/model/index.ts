/**
 * Public API of the speech model package (pure TS + TF.js + Meyda; no Node, Electron or DOM).
 * The engine picks the TF.js backend, calls registerProjectKernels() once for wasm, and does file I/O
 * through tf.io handlers (Node ones: src/node/model-files/).
 * The renderer imports features/ directly (live log-mel) rather than this barrel, to stay free of TF.js.
 */
export { MODEL_FORMAT_VERSION, defaultModelConfig, memoryDim, timeReduction, validateModelConfig } from './config'
export type { AttentionConfig, AttentionType, CellType, DecoderConfig, EncoderConfig, ModelConfig } from './config'

export { DEFAULT_FEATURE_CONFIG, frameCount } from './features/feature-config'
export type { FeatureConfig, FeatureMatrix } from './features/feature-config'
export { computeLogMel } from './features/log-mel'
export { LogMelStream } from './features/log-mel-stream'
export { CmvnAccumulator, applyCmvn } from './features/cmvn'
export type { Cmvn } from './features/cmvn'

export { NORMALIZER_VERSION, normalizeText } from './text/normalizer'
export { BLANK_ID, DEFAULT_TOKENS, EOS_ID, PAD_ID, SOS_ID, Vocabulary } from './text/vocabulary'

export { Seq2SeqModel } from './network/seq2seq'
export { greedySearch } from './decoding/greedy'
export type { GreedyHypothesis, GreedyOptions } from './decoding/greedy'
export { charErrorRate, editDistance, wordErrorRate } from './decoding/metrics'
export type { ErrorRate } from './decoding/metrics'
export { Recognizer } from './recognizer'
export type { Recognition, Transcription } from './recognizer'
export { DEFAULT_DECODE_OPTIONS } from './decoding/decode-options'
export type { DecodeOptions, DecoderKind } from './decoding/decode-options'
export { parseHotwordList } from './decoding/hotwords'
export type { TimingSource, WordTiming } from './alignment/word-timings'
export { NgramLm } from './lm/ngram-lm'
export { formatArpa, parseArpa } from './lm/arpa'
export { estimateKneserNey } from './lm/kneser-ney'

export { MODEL_ARTIFACT_FORMAT, loadModel, loadOptimizerState, saveModel, saveOptimizerState } from './io/checkpoint'
export type { OptimizerCheckpoint } from './io/checkpoint'

export { Trainer } from './training/trainer'
export type { TrainHooks, TrainResult, TrainingCheckpoint } from './training/trainer'
export { DEFAULT_TRAIN_CONFIG } from './training/train-config'
export type { TrainConfig } from './training/train-config'
export type { TrainPhase, TrainProgress, TrainerState } from './training/trainer-state'
export { DEFAULT_SPEC_AUGMENT } from './training/spec-augment'
export type { SpecAugmentConfig } from './training/spec-augment'
export { toExample } from './training/example'
export type { Example, HostBatch } from './training/example'
export { collate } from './training/collate'
export { evaluateGreedy } from './training/evaluate'
export type { EvaluationResult } from './training/evaluate'
export { GradientWorker } from './training/gradient-worker'
export type { ShardGradients, ShardRunner } from './training/gradient-worker'

export { projectKernelsActive, registerProjectKernels, registerStockKernelsWithMissing, unregisterProjectKernels } from './kernels/register'
