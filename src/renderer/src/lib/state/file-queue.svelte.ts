import type { Transcript, TranscriptSegment } from '../../../../shared/transcript'
import { newJobId } from '../../../../shared/rpc-client'
import { api } from '../api'
import { uploadFile } from '../files/upload-file'
import { decoderSettings } from './decoder-settings.svelte'

export type FilePhase = 'queued' | 'uploading' | 'transcribing' | 'done' | 'failed' | 'cancelled'

let nextId = 0

/** One dropped or picked file: its place in the queue, its progress, and its transcript as it grows. */
export class QueuedFile {
  readonly id = ++nextId
  /** Object URL of the file itself, for playback from a word. */
  readonly url: string
  phase = $state<FilePhase>('queued')
  fraction = $state(0)
  message = $state('waiting')
  error = $state<string | null>(null)
  /** Segments as they arrive; the whole list once done. */
  segments = $state.raw<TranscriptSegment[]>([])
  transcript = $state.raw<Transcript | null>(null)
  jobId: string | null = null
  readonly abort = new AbortController()

  constructor(readonly file: File) {
    this.url = URL.createObjectURL(file)
  }

  get active(): boolean {
    return this.phase === 'queued' || this.phase === 'uploading' || this.phase === 'transcribing'
  }
}

/**
 * The Files queue: files are uploaded and transcribed one at a time, in order (the engine runs one model);
 * a failure or a cancel ends only that file, and the queue goes on. Lives as long as the page, so switching
 * views does not stop it.
 */
class FileQueue {
  items = $state<QueuedFile[]>([])
  /** The file whose transcript is shown. */
  selected = $state<QueuedFile | null>(null)
  #running = false

  constructor() {
    api.onEvent((event) => {
      const item = 'jobId' in event ? this.items.find((i) => i.jobId === event.jobId) : undefined
      if (!item) return
      if (event.type === 'progress') [item.fraction, item.message] = [event.fraction, event.message]
      if (event.type === 'transcript-segment') item.segments = [...item.segments, event.segment]
    })
  }

  add(files: Iterable<File>): void {
    const added = [...files].map((file) => new QueuedFile(file))
    if (added.length === 0) return
    this.items.push(...added)
    this.selected ??= added[0]!
    void this.#drain()
  }

  cancel(item: QueuedFile): void {
    if (!item.active) return
    item.abort.abort()
    if (item.jobId) api.cancel(item.jobId)
    if (item.phase === 'queued') [item.phase, item.message] = ['cancelled', 'cancelled']
  }

  cancelAll(): void {
    for (const item of this.items) this.cancel(item)
  }

  get hasActive(): boolean {
    return this.items.some((i) => i.active)
  }

  async #drain(): Promise<void> {
    if (this.#running) return
    this.#running = true
    try {
      for (let item = this.#next(); item; item = this.#next()) await this.#process(item)
    } finally {
      this.#running = false
    }
  }

  #next(): QueuedFile | undefined {
    return this.items.find((i) => i.phase === 'queued')
  }

  async #process(item: QueuedFile): Promise<void> {
    try {
      Object.assign(item, { phase: 'uploading', fraction: 0, message: 'reading the file' })
      const uploadId = await uploadFile(api, item.file, item.abort.signal, (f) => (item.fraction = f))
      item.jobId = newJobId('files')
      Object.assign(item, { phase: 'transcribing', fraction: 0, message: 'transcribing' })
      const transcript = await api.call('asr.transcribeUpload', { uploadId, decoding: decoderSettings.settings }, item.jobId)
      Object.assign(item, { phase: 'done', fraction: 1, transcript, segments: transcript.segments, message: summary(transcript) })
    } catch (err) {
      const cancelled = item.abort.signal.aborted || (err as { code?: string }).code === 'cancelled'
      Object.assign(item, cancelled ? { phase: 'cancelled', message: 'cancelled' } : { phase: 'failed', error: (err as Error).message, message: 'failed' })
    }
  }
}

function summary(transcript: Transcript): string {
  const n = transcript.segments.length
  return n === 0 ? 'done: no speech found' : `done: ${n} segment${n === 1 ? '' : 's'}`
}

export const fileQueue = new FileQueue()
