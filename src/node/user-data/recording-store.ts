import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { RECORDING_SAMPLE_RATE, type Recording } from '../../shared/finetune'
import { writeFileAtomic } from '../atomic-write'
import { encodeWav16 } from '../wav'
import { isDeadLeftover } from './leftovers'
import { SerialQueue } from './serial-queue'

export const RECORDINGS_MANIFEST = 'recordings.jsonl'

/** What a new recording is stored with (id, length and time are filled in). */
export type NewRecording = Pick<Recording, 'text' | 'source' | 'promptId'>

/**
 * The user's recordings: `<id>.wav` (16 kHz mono 16-bit) plus recordings.jsonl, one JSON object per line.
 * Every write is a temp file + fsync + rename, and the WAV is written before the manifest line that names it
 * (and removed after the line is gone), so a crash at any point leaves a manifest whose every entry has its audio.
 * Leftovers of an interrupted write (temp files, a WAV no line names) are swept on first use.
 */
export class RecordingStore {
  readonly #queue = new SerialQueue()
  #swept = false

  constructor(readonly dir: string) {}

  audioPath(id: string): string {
    return join(this.dir, `${id}.wav`)
  }

  list(): Promise<Recording[]> {
    return this.#queue.run(() => this.#prepared())
  }

  /** Stores 16 kHz PCM with its transcript and returns the new entry. */
  add(pcm: Float32Array, entry: NewRecording): Promise<Recording> {
    return this.#queue.run(async () => {
      const recordings = await this.#prepared()
      const recording: Recording = {
        id: `rec-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`,
        ...entry,
        seconds: Math.round((pcm.length / RECORDING_SAMPLE_RATE) * 1000) / 1000,
        createdAt: new Date().toISOString()
      }
      await writeFileAtomic(this.audioPath(recording.id), encodeWav16(pcm, RECORDING_SAMPLE_RATE))
      await this.#writeManifest([...recordings, recording])
      return recording
    })
  }

  /** Removes a recording; false when there is none with that id. */
  remove(id: string): Promise<boolean> {
    return this.#queue.run(async () => {
      const recordings = await this.#prepared()
      const kept = recordings.filter((r) => r.id !== id)
      if (kept.length === recordings.length) return false
      await this.#writeManifest(kept)
      await rm(this.audioPath(id), { force: true })
      return true
    })
  }

  async #prepared(): Promise<Recording[]> {
    await mkdir(this.dir, { recursive: true })
    const recordings = await this.#readManifest()
    if (!this.#swept) {
      this.#swept = true
      const named = new Set(recordings.map((r) => `${r.id}.wav`))
      const stale = (await readdir(this.dir)).filter((f) => isDeadLeftover(f) || (f.endsWith('.wav') && !named.has(f)))
      await Promise.all(stale.map((f) => rm(join(this.dir, f), { force: true })))
    }
    return recordings
  }

  async #readManifest(): Promise<Recording[]> {
    const text = await readFile(join(this.dir, RECORDINGS_MANIFEST), 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return ''
      throw err
    })
    return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Recording)
  }

  #writeManifest(recordings: readonly Recording[]): Promise<void> {
    return writeFileAtomic(join(this.dir, RECORDINGS_MANIFEST), recordings.map((r) => `${JSON.stringify(r)}\n`).join(''))
  }
}
