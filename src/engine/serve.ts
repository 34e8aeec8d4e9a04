import type { ServerMessage } from '../shared/protocol'
import { prepareTensorRuntime } from './backend'
import { runMatmulBenchmark } from './benchmark'
import { Engine } from './engine'
import type { MethodHandlers } from './methods'
import { ModelService } from './models/model-service'
import { evaluateManifest } from './evaluate-manifest'
import { transcribeFile } from './transcribe-file'
import { DecodingOptionsResolver } from './decoding-options'
import { DictationService } from './dictation/dictation-service'
import { UploadStore } from './uploads/upload-store'
import { bundledModelDir, userDataDir } from './paths'
import { retainedStats } from './retained-stats'
import { ModelVersionStore } from '../node/model-versions/version-store'
import { RecordingStore } from '../node/user-data/recording-store'
import { finetuneHandler } from './finetune/finetune-handler'
import { recordingHandlers } from './finetune/recording-handlers'
import { versionHandlers } from './finetune/version-handlers'
import { join } from 'node:path'
import pkg from '../../package.json'

/** The two calls any transport offers the engine: receive raw messages, post replies/events. */
export interface EnginePort {
  onMessage(listener: (raw: unknown) => void): void
  post(message: ServerMessage): void
}

/**
 * Starts the engine on a transport. Calls are accepted at once but wait until the backend is chosen, so a
 * successful `engine.ping` means "ready". Returns once the backend is ready.
 */
export async function serveEngine(port: EnginePort): Promise<Engine> {
  const log = (message: string): void => {
    process.stderr.write(`[engine] ${message}\n`)
    port.post({ kind: 'event', event: { type: 'log', level: 'info', message } })
  }
  const backendReady = prepareTensorRuntime(log)
  const models = new ModelService(new ModelVersionStore(join(userDataDir(), 'models'), bundledModelDir()))
  const decodingOptions = new DecodingOptionsResolver()
  const dictation = new DictationService()
  const uploads = new UploadStore()
  const recordings = new RecordingStore(join(userDataDir(), 'recordings'))
  process.once('exit', () => uploads.dispose())
  const handlers: MethodHandlers = {
    'engine.ping': async () => {
      await backendReady
      return { pong: true, at: Date.now() }
    },
    'engine.info': async () => {
      const choice = await backendReady
      return { appVersion: pkg.version, backend: choice.backend, backendAttempts: choice.attempts, model: await models.describe() }
    },
    'engine.stats': async () => {
      await backendReady
      return retainedStats()
    },
    'engine.benchmark': async ({ seconds }, ctx) => {
      await backendReady
      return runMatmulBenchmark(seconds, ctx)
    },
    'asr.evaluate': async ({ manifest, modelDir, limit, decoding }, ctx) => {
      await backendReady
      const options = await decodingOptions.resolve(decoding)
      return models.withRecognizer(modelDir, (recognizer, info) => evaluateManifest(recognizer, info, manifest, options, ctx, limit))
    },
    'asr.transcribeFile': async ({ path, modelDir, decoding }, ctx) => {
      await backendReady
      const options = await decodingOptions.resolve(decoding)
      return models.withRecognizer(modelDir, (recognizer) => transcribeFile(recognizer, path, options, ctx))
    },
    'dictation.session': async ({ decoding }, ctx) => {
      await backendReady
      const options = await decodingOptions.resolve(decoding)
      return models.withRecognizer(undefined, (recognizer) => dictation.run(recognizer, options, ctx))
    },
    'dictation.push': async ({ sessionId, features }) => dictation.push(sessionId, features),
    'dictation.configure': async ({ sessionId, decoding }) => {
      dictation.configure(sessionId, await decodingOptions.resolve(decoding))
      return { applied: true }
    },
    'dictation.stop': async ({ sessionId }) => {
      dictation.stop(sessionId)
      return { stopped: true }
    },
    'upload.begin': async ({ name, size }) => ({ uploadId: await uploads.begin(name, size) }),
    'upload.chunk': async ({ uploadId, offset, data }) => ({ received: await uploads.append(uploadId, offset, Buffer.from(data, 'base64')) }),
    'upload.discard': async ({ uploadId }) => ({ discarded: await uploads.discard(uploadId) }),
    'asr.transcribeUpload': async ({ uploadId, decoding }, ctx) =>
      uploads.consume(uploadId, async ({ path, name }) => {
        await backendReady
        const options = await decodingOptions.resolve(decoding)
        return models.withRecognizer(undefined, (recognizer) => transcribeFile(recognizer, path, options, ctx, name))
      }),
    ...recordingHandlers(recordings, uploads),
    ...versionHandlers(models, uploads),
    'finetune.start': finetuneHandler(models, recordings)
  }
  const engine = new Engine(handlers, (message) => port.post(message))
  port.onMessage((raw) => engine.handle(raw))
  await backendReady
  return engine
}
