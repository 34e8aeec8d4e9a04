import type { Transcript, TranscriptSegment } from '../../../../shared/transcript'
import { newJobId } from '../../../../shared/rpc-client'
import { api } from '../api'
import { KEEP_AUDIO_BYTES, shelve, shelved, unshelve, type ShelvedTranscript } from '../files/transcript-shelf'
import { uploadFile } from '../files/upload-file'
import { decoderSettings } from './decoder-settings.svelte'
import { countOf } from '../../../../shared/count-of'

export type FilePhase = 'queued' | 'uploading' | 'transcribing' | 'done' | 'failed' | 'cancelled'

let nextId = 0

/** One dropped or picked file: its place in the queue, its progress, and its transcript as it grows. */
export class QueuedFile {
  readonly id = ++nextId
  /** Object URL of the audio, for playback from a word; null when a restored file's audio was not kept. */
  readonly url: string | null
  /** Its key in the transcript shelf once finished and kept. */
  shelfKey: string | null = null
  phase = $state<FilePhase>('queued')
  fraction = $state(0)
  message = $state('waiting')
  error = $state<string | null>(null)
  /** Segments as they arrive; the whole list once done. */
  segments = $state.raw<TranscriptSegment[]>([])
  transcript = $state.raw<Transcript | null>(null)
  jobId: string | null = null
  readonly abort = new AbortController()

  /** @param file the audio (null: a restored transcript whose audio was too large to keep) */
  constructor(readonly name: string, readonly file: File | null) {
    this.url = file ? URL.createObjectURL(file) : null
  }

  /** A finished file read back from the shelf. */
  static restored(record: ShelvedTranscript): QueuedFile {
    const item = new QueuedFile(record.name, record.audio)
    Object.assign(item, { shelfKey: record.key, phase: 'done', fraction: 1, transcript: record.transcript, segments: record.transcript.segments, message: summary(record.transcript) })
    return item
  }

  get active(): boolean {
    return this.phase === 'queued' || this.phase === 'uploading' || this.phase === 'transcribing'
  }
}

/**
 * The Files queue: files are uploaded and transcribed one at a time, in order (the engine runs one model);
 * a failure or a cancel ends only that file, and the queue goes on. Lives as long as the page, so switching
 * views does not stop it; finished transcripts are kept in the browser's storage (the transcript shelf), so a
 * reload or a crash loses none of them, until the user removes them.
 */
class FileQueue {
  items = $state<QueuedFile[]>([])
  /** The file whose transcript is shown. */
  selected = $state<QueuedFile | null>(null)
  #running = false

  constructor() {
    void this.#restore()
    api.onEvent((event) => {
      const item = 'jobId' in event ? this.items.find((i) => i.jobId === event.jobId) : undefined
      if (!item) return
      if (event.type === 'progress') [item.fraction, item.message] = [event.fraction, event.message]
      if (event.type === 'transcript-segment') item.segments = [...item.segments, event.segment]
    })
  }

  add(files: Iterable<File>): void {
    const added = [...files].map((file) => new QueuedFile(file.name, file))
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

  /** Takes a file that is not running off the list (and out of storage). */
  async remove(item: QueuedFile): Promise<void> {
    if (item.active) return
    this.items = this.items.filter((i) => i !== item)
    if (this.selected === item) this.selected = this.items[0] ?? null
    if (item.url) URL.revokeObjectURL(item.url)
    if (item.shelfKey) await unshelve(item.shelfKey).catch(() => undefined) // storage gone: nothing left to remove
  }

  get hasActive(): boolean {
    return this.items.some((i) => i.active)
  }

  async #restore(): Promise<void> {
    try {
      const restored = (await shelved()).map((record) => QueuedFile.restored(record))
      this.items = [...restored, ...this.items]
      this.selected ??= restored.at(-1) ?? null
    } catch {
      // No browser storage (private mode, quota): the queue works, only without memory across reloads.
    }
  }

  /** Keeps a finished transcript (and the audio when small enough); says so in the status if that fails. */
  async #keep(item: QueuedFile, transcript: Transcript): Promise<void> {
    const key = `${Date.now()}-${item.id}`
    const audio = item.file && item.file.size <= KEEP_AUDIO_BYTES ? item.file : null
    try {
      await shelve({ key, name: item.name, doneAt: Date.now(), transcript, audio })
      item.shelfKey = key
    } catch (err) {
      item.message = `${item.message} (not kept after a reload: ${(err as Error).message})`
    }
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
      if (!item.file) throw new Error('the audio of this file is gone')
      Object.assign(item, { phase: 'uploading', fraction: 0, message: 'reading the file' })
      const uploadId = await uploadFile(api, item.file, item.abort.signal, (f) => (item.fraction = f))
      item.jobId = newJobId('files')
      Object.assign(item, { phase: 'transcribing', fraction: 0, message: 'transcribing' })
      const transcript = await api.call('asr.transcribeUpload', { uploadId, decoding: decoderSettings.settings }, item.jobId)
      Object.assign(item, { phase: 'done', fraction: 1, transcript, segments: transcript.segments, message: summary(transcript) })
      await this.#keep(item, transcript)
    } catch (err) {
      const cancelled = item.abort.signal.aborted || (err as { code?: string }).code === 'cancelled'
      Object.assign(item, cancelled ? { phase: 'cancelled', message: 'cancelled' } : { phase: 'failed', error: (err as Error).message, message: 'failed' })
    }
  }
}

function summary(transcript: Transcript): string {
  const n = transcript.segments.length
  return n === 0 ? 'done: no speech found' : `done: ${countOf(n, 'segment')}`
}

export const fileQueue = new FileQueue()
