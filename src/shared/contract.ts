import { z } from 'zod'
import type { DictationSummary, DictationUpdate } from './dictation'
import { MAX_FINETUNE_EPOCHS, MAX_UTTERANCE_SECONDS, RECORDING_SAMPLE_RATE, type FinetuneProgress, type FinetuneResult, type ImportReport, type ModelVersion, type ModelVersionList, type Recording } from './finetune'
import type { Transcript, TranscriptSegment } from './transcript'
import { AppError } from './errors'

/**
 * THE engine contract: every method the renderer, the CLI and the browser host may call on the engine,
 * with its parameter schema (validated at the engine boundary) and its result type.
 * Method names appear nowhere else as literals.
 */
/**
 * Decoder settings shared by evaluation, file transcription and dictation. Omitted fields take the app's defaults
 * (DEFAULT_DECODER_SETTINGS: joint CTC/attention beam with the bundled language model). `lmPath` names an ARPA file
 * and is for local callers; pages choose `lm: false` to read without the bundled language model.
 */
export const decoderSettingsSchema = z
  .object({
    decoder: z.enum(['greedy', 'beam', 'joint']).optional(),
    beam: z.number().int().min(1).max(32).optional(),
    ctcWeight: z.number().min(0).max(1).optional(),
    lm: z.boolean().optional(),
    lmPath: z.string().min(1).max(4096).optional(),
    lmWeight: z.number().min(0).max(5).optional(),
    wordBonus: z.number().min(-10).max(10).optional(),
    hotwords: z.array(z.string().min(1).max(100)).max(1000).optional(),
    hotwordBonus: z.number().min(0).max(20).optional()
  })
  .strict()

export type DecoderSettings = z.infer<typeof decoderSettingsSchema>

/** Decoder settings a page may choose: all but `lmPath`, so a page cannot make the engine read a file. */
export const pageDecoderSettingsSchema = decoderSettingsSchema.omit({ lmPath: true })

/** Bytes per `upload.chunk` (before base64): pages send a file in pieces of this size. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024
const uploadId = z.uuid()

const recordingId = z.string().regex(/^rec-[a-z0-9-]{4,40}$/)
const versionId = z.string().regex(/^(bundled|ft-[a-z0-9-]{4,40})$/)
/** Base64 length of the longest recording: MAX_UTTERANCE_SECONDS of 16 kHz 16-bit PCM. */
const MAX_RECORDING_BASE64 = Math.ceil((MAX_UTTERANCE_SECONDS * RECORDING_SAMPLE_RATE * 2) / 3) * 4

const dictationSessionId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/)
/** Largest feature push: 2 s of 80-band frames (callers push about every 50 ms). */
const MAX_PUSH_VALUES = 200 * 80

export const methodParams = {
  /** Answered by the broker in front of the engine (browser host, Electron main) without reaching the engine. */
  'host.ping': z.object({}).strict(),
  /** Liveness check answered by the engine itself. */
  'engine.ping': z.object({}).strict(),
  /** Version, backend and model state. */
  'engine.info': z.object({}).strict(),
  /** Resource use of the engine process after a full garbage collection (benchmarks and soak tests watch it for leaks). */
  'engine.stats': z.object({}).strict(),
  /** Measures matmul throughput on the active backend for `seconds`; a cancellable long job. */
  'engine.benchmark': z.object({ seconds: z.number().min(0.1).max(120) }).strict(),
  /** Scores a manifest (shared TSV format): WER, CER, RTF. Local callers only (it reads paths). */
  'asr.evaluate': z
    .object({
      manifest: z.string().min(1).max(4096),
      modelDir: z.string().min(1).max(4096).optional(),
      limit: z.number().int().positive().optional(),
      decoding: decoderSettingsSchema.optional()
    })
    .strict(),
  /** Transcribes one audio file on disk with word times. Local callers only (it reads a path). */
  'asr.transcribeFile': z
    .object({ path: z.string().min(1).max(4096), modelDir: z.string().min(1).max(4096).optional(), decoding: decoderSettingsSchema.optional() })
    .strict(),
  /**
   * A live dictation session: a long job that stays open until `dictation.stop` (result: every final segment) or
   * cancellation. Its first event (`dictation` / `started`) carries the session id that `push`/`stop` use; the id
   * is random, so another page cannot feed or stop it.
   */
  'dictation.session': z.object({ decoding: pageDecoderSettingsSchema.optional() }).strict(),
  /** Appends raw log-mel frames (row-major, frames x the model's feature dim) computed by the caller. */
  'dictation.push': z
    .object({ sessionId: dictationSessionId, features: z.array(z.number()).max(MAX_PUSH_VALUES) })
    .strict(),
  /** Changes the decoder settings from the next segment on, without restarting the session. */
  'dictation.configure': z.object({ sessionId: dictationSessionId, decoding: pageDecoderSettingsSchema }).strict(),
  /** Ends the input: the open segment is finalised, then the session job resolves. */
  'dictation.stop': z.object({ sessionId: dictationSessionId }).strict(),
  /**
   * Starts an upload of one audio file's bytes (how pages hand files to the engine: they cannot pass paths).
   * The bytes go to a private temp folder, size-capped; unused uploads expire and all are deleted at engine exit.
   */
  'upload.begin': z.object({ name: z.string().min(1).max(255), size: z.number().int().min(0) }).strict(),
  /** Writes base64 `data` (at most UPLOAD_CHUNK_BYTES decoded) at byte `offset` of the upload. */
  'upload.chunk': z
    .object({ uploadId, offset: z.number().int().min(0), data: z.base64().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4) })
    .strict(),
  /** Deletes an upload that will not be transcribed (the user cancelled it). */
  'upload.discard': z.object({ uploadId }).strict(),
  /**
   * Transcribes a complete upload like `asr.transcribeFile`, streaming each segment as a `transcript-segment`
   * event as soon as it is decoded; the upload is deleted when the job ends, however it ends.
   */
  'asr.transcribeUpload': z.object({ uploadId, decoding: pageDecoderSettingsSchema.optional() }).strict(),
  /** The user's recordings (studio and imported) for fine-tuning. */
  'recordings.list': z.object({}).strict(),
  /** Stores one studio recording: base64 16 kHz mono 16-bit little-endian PCM and the prompt text read. */
  'recordings.save': z
    .object({ text: z.string().min(1).max(500), pcm: z.base64().max(MAX_RECORDING_BASE64), promptId: z.string().max(64).optional() })
    .strict(),
  'recordings.delete': z.object({ id: recordingId }).strict(),
  /** A stored recording as base64 WAV, for playback. */
  'recordings.audio': z.object({ id: recordingId }).strict(),
  /**
   * Imports uploaded files (see upload.begin) as recordings: audio + .txt pairs by name, or the rows of an
   * uploaded .tsv manifest (shared format; audio paths = upload names). Reports each unusable file or row in
   * one line and imports the rest. The uploads are deleted afterwards.
   */
  'recordings.import': z.object({ uploadIds: z.array(uploadId).min(1).max(5000) }).strict(),
  /**
   * Fine-tunes the active model on the recordings (a long job: `finetune` events carry loss and held-out CER),
   * saves the result as a new version and activates it.
   */
  'finetune.start': z.object({ epochs: z.number().int().min(1).max(MAX_FINETUNE_EPOCHS).optional(), freeze: z.enum(['speller', 'none']).optional() }).strict(),
  'versions.list': z.object({}).strict(),
  /** Makes a version active ("bundled" rolls back to the model shipped with the app). */
  'versions.activate': z.object({ id: versionId }).strict(),
  /** One version as a base64 zip archive. */
  'versions.export': z.object({ id: versionId }).strict(),
  /** Adds the version in an uploaded archive (made by versions.export) as a new, inactive version. */
  'versions.import': z.object({ uploadId }).strict()
} as const

export type Method = keyof typeof methodParams
/**
 * Methods that take file-system paths: only local callers (the CLI) may use them; the page bridges refuse them,
 * so a compromised page cannot make the engine read arbitrary files.
 */
export const LOCAL_ONLY_METHODS: ReadonlySet<Method> = new Set<Method>(['asr.evaluate', 'asr.transcribeFile'])

/** Methods a broker answers itself; the engine never sees them. */
export type HostMethod = 'host.ping'
export type EngineMethod = Exclude<Method, HostMethod>
export type ParamsOf<M extends Method> = z.infer<(typeof methodParams)[M]>

/** Which compute backend TF.js runs on, in order of preference. */
export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu'

/** One step of the backend choice, kept so the UI and `s2s info` can say why a backend was not taken. */
export interface BackendAttempt {
  name: BackendName
  ok: boolean
  reason: string
}

export type ModelState = 'none' | 'loading' | 'ready' | 'error'

export interface ModelInfo {
  state: ModelState
  name: string | null
  version: string | null
  detail: string
  /** Set when the chosen version could not be used (damaged, failed checksum) and the bundled model stands in. */
  notice?: string
}

export interface EngineInfo {
  appVersion: string
  backend: BackendName
  backendAttempts: BackendAttempt[]
  model: ModelInfo
}

/** One scored utterance of an evaluation. */
export interface EvaluatedUtterance {
  audio: string
  reference: string
  hypothesis: string
}

export interface EvaluationResult {
  /** Rates in percent. */
  wer: number
  cer: number
  /** Seconds of processing (features + model) per second of audio. */
  rtf: number
  n: number
  /** The decoder that produced the hypotheses, e.g. "joint beam 8 + LM". */
  decoder: string
  audioSeconds: number
  model: ModelInfo
  utterances: EvaluatedUtterance[]
}

export interface EngineStats {
  /** Live TF.js tensors. */
  tensors: number
  rssBytes: number
  heapUsedBytes: number
  /** Active libuv handles and requests (sockets, timers, file reads) of the engine process: a leak shows as growth. */
  handles: number
}

export interface BenchmarkResult {
  backend: BackendName
  gflops: number
  iterations: number
}

/** Result type of each method. */
export interface MethodResults {
  'host.ping': { pong: true; at: number }
  'engine.ping': { pong: true; at: number }
  'engine.info': EngineInfo
  'engine.benchmark': BenchmarkResult
  'engine.stats': EngineStats
  'asr.evaluate': EvaluationResult
  'asr.transcribeFile': Transcript
  'dictation.session': DictationSummary
  'dictation.push': { frames: number }
  'dictation.configure': { applied: true }
  'dictation.stop': { stopped: true }
  'upload.begin': { uploadId: string }
  'upload.chunk': { received: number }
  'upload.discard': { discarded: boolean }
  'asr.transcribeUpload': Transcript
  'recordings.list': { recordings: Recording[]; seconds: number }
  'recordings.save': Recording
  'recordings.delete': { deleted: boolean }
  'recordings.audio': { wav: string }
  'recordings.import': ImportReport
  'finetune.start': FinetuneResult
  'versions.list': ModelVersionList
  'versions.activate': ModelVersionList
  'versions.export': { fileName: string; archive: string }
  'versions.import': ModelVersion
}

export type ResultOf<M extends Method> = MethodResults[M]

/** Lifecycle of the engine process as its broker sees it. */
export type EngineState = 'starting' | 'ready' | 'restarting' | 'down'

/**
 * Events the engine pushes. Those with a `jobId` belong to the call that started that job and reach only its
 * caller; the others are broadcast.
 */
export type EngineEvent =
  | { type: 'engine-state'; state: EngineState; detail: string }
  | { type: 'progress'; jobId: string; fraction: number; message: string }
  | { type: 'dictation'; jobId: string; update: DictationUpdate }
  | { type: 'transcript-segment'; jobId: string; segment: TranscriptSegment }
  | { type: 'finetune'; jobId: string; progress: FinetuneProgress }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }

export type JobEvent = Extract<EngineEvent, { jobId: string }>

export function isJobEvent(event: EngineEvent): event is JobEvent {
  return 'jobId' in event
}

export function isHostMethod(name: string): name is HostMethod {
  return name === 'host.ping'
}

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(methodParams, name)
}

/** The answer to a call of a method the contract does not have. */
export const unknownMethod = (name: string): AppError => new AppError('unknown-method', `Unknown method "${name.slice(0, 64)}".`)

/**
 * The params of a call to `method` as its schema reads them. Every boundary that receives calls checks here
 * (the engine, and the bridges in front of it, which so never forward what a serialiser could choke on).
 * @throws AppError bad-request naming the first problem
 */
export function checkParams<M extends Method>(method: M, params: unknown): ParamsOf<M> {
  const checked = methodParams[method].safeParse(params ?? {})
  if (checked.success) return checked.data as ParamsOf<M>
  const issue = checked.error.issues[0]
  throw new AppError('bad-request', `Invalid params for ${method}: ${issue?.path.join('.') || 'params'} ${issue?.message ?? ''}`.trim())
}
