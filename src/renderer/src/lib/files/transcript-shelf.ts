import type { Transcript } from '../../../../shared/transcript'

/** A finished file as kept across reloads and crashes: its transcript, and its audio when small enough. */
export interface ShelvedTranscript {
  key: string
  name: string
  /** When it finished (ms since the epoch); the queue lists shelved files in this order. */
  doneAt: number
  transcript: Transcript
  /** The audio for playback from a word; null when it was larger than KEEP_AUDIO_BYTES. */
  audio: File | null
}

/** Audio above this size is not copied into the browser's storage (the transcript always is). */
export const KEEP_AUDIO_BYTES = 200 * 1024 * 1024

const DB_NAME = 's2s-files'
const STORE = 'transcripts'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('browser storage failed'))
  })
}

let opened: Promise<IDBDatabase> | null = null

function database(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1)
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' })
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('browser storage is unavailable'))
  })
  opened.catch(() => (opened = null)) // a later call may try again
  return opened
}

async function inStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const tx = (await database()).transaction(STORE, mode)
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('browser storage failed'))
  })
  const [result] = await Promise.all([request(use(tx.objectStore(STORE))), committed])
  return result
}

/** A record read back is used only if it has the shape this version writes (storage outlives versions). */
function isShelved(value: unknown): value is ShelvedTranscript {
  const v = value as Partial<ShelvedTranscript> | null
  return typeof v?.key === 'string' && typeof v.name === 'string' && typeof v.doneAt === 'number' &&
    Array.isArray(v.transcript?.segments) && typeof v.transcript.text === 'string' && (v.audio === null || v.audio instanceof File)
}

/** Keeps a finished file (transactions commit atomically: a crash leaves the old state or the new one). */
export async function shelve(record: ShelvedTranscript): Promise<void> {
  await inStore('readwrite', (store) => store.put(record))
}

/** Every kept file, oldest first; records of another shape are skipped. */
export async function shelved(): Promise<ShelvedTranscript[]> {
  const all = await inStore('readonly', (store) => store.getAll())
  return all.filter(isShelved).sort((a, b) => a.doneAt - b.doneAt)
}

export async function unshelve(key: string): Promise<void> {
  await inStore('readwrite', (store) => store.delete(key))
}
