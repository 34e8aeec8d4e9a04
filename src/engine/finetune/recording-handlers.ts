import { readFile } from 'node:fs/promises'
import { collectUtterances, reportOf, uploadSource } from '../../node/finetune/training-data'
import type { RecordingStore } from '../../node/user-data/recording-store'
import { normalizeText } from '../../model/text/normalizer'
import { AppError } from '../../shared/errors'
import { MAX_UTTERANCE_SECONDS, MIN_UTTERANCE_SECONDS, RECORDING_SAMPLE_RATE } from '../../shared/finetune'
import type { MethodHandlers } from '../methods'
import type { UploadStore } from '../uploads/upload-store'
import { pcmFromBase64 } from './pcm-base64'

type RecordingMethods = 'recordings.list' | 'recordings.save' | 'recordings.delete' | 'recordings.audio' | 'recordings.import'

/** The recordings.* methods over the user's RecordingStore; imports arrive as page uploads, never as paths. */
export function recordingHandlers(store: RecordingStore, uploads: UploadStore): Pick<MethodHandlers, RecordingMethods> {
  return {
    'recordings.list': async () => {
      const recordings = await store.list()
      return { recordings, seconds: recordings.reduce((sum, r) => sum + r.seconds, 0) }
    },
    'recordings.save': async ({ text, pcm, promptId }) => {
      const samples = pcmFromBase64(pcm)
      const seconds = samples.length / RECORDING_SAMPLE_RATE
      if (seconds < MIN_UTTERANCE_SECONDS || seconds > MAX_UTTERANCE_SECONDS) {
        throw new AppError('bad-input', `A recording must last ${MIN_UTTERANCE_SECONDS}-${MAX_UTTERANCE_SECONDS} s; this one lasts ${seconds.toFixed(1)} s.`)
      }
      if (normalizeText(text) === '') throw new AppError('bad-input', 'The prompt text has nothing the model can spell.')
      return store.add(samples, { text, source: 'studio', ...(promptId && { promptId }) })
    },
    'recordings.delete': async ({ id }) => ({ deleted: await store.remove(id) }),
    'recordings.audio': async ({ id }) => {
      const wav = await readFile(store.audioPath(id)).catch(() => {
        throw new AppError('not-found', `There is no recording ${id}.`)
      })
      return { wav: wav.toString('base64') }
    },
    'recordings.import': async ({ uploadIds }, ctx) => {
      const files = []
      for (const id of uploadIds) files.push(await uploads.consume(id, async ({ path, name }) => ({ name, data: new Uint8Array(await readFile(path)) })))
      const manifest = files.find((f) => f.name.endsWith('.tsv'))?.name
      const data = await collectUtterances(uploadSource(files), manifest)
      for (const [i, u] of data.utterances.entries()) {
        ctx.signal.throwIfAborted()
        await store.add(u.pcm, { text: u.text, source: 'import' })
        ctx.progress((i + 1) / data.utterances.length, `${i + 1}/${data.utterances.length} imported`)
      }
      return reportOf(data)
    }
  }
}
