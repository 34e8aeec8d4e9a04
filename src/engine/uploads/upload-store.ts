import { randomUUID } from 'node:crypto'
import { readdirSync, rmSync } from 'node:fs'
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'

/** Caps on what pages may park in the engine's temp folder. */
export interface UploadLimits {
  /** Largest single file. */
  maxBytes: number
  /** Sum of the declared sizes of all open uploads. */
  maxTotalBytes: number
  /** An upload untouched this long is deleted (a page that went away). */
  idleMs: number
}

export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({ maxBytes: 2 * 1024 ** 3, maxTotalBytes: 4 * 1024 ** 3, idleMs: 10 * 60_000 })

/** A complete upload handed to a job: the temp file and the name the user knows it by. */
export interface Upload {
  path: string
  name: string
}

interface Entry extends Upload {
  size: number
  received: number
  file: FileHandle
  inUse: boolean
  timer: NodeJS.Timeout | null
}

const DIR_PREFIX = 's2s-uploads-'

/**
 * Audio files pages upload in chunks (pages cannot pass paths). Files live in a private (0700) temp folder
 * named after this process; ids are random, so one page cannot touch another's upload. An upload is deleted
 * after its one use, when discarded, after `idleMs` without a chunk, and (the whole folder) at `dispose`.
 * Folders left by engines that died without cleaning up are swept when the store is created.
 */
export class UploadStore {
  readonly #entries = new Map<string, Entry>()
  #dir: Promise<string> | null = null
  #dirPath: string | null = null

  constructor(private readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS) {
    sweepOrphans()
  }

  /** Reserves an upload of `size` bytes. @throws AppError('bad-input') when the file or the total is too large. */
  async begin(name: string, size: number): Promise<string> {
    if (size > this.limits.maxBytes) throw new AppError('bad-input', `${name}: too large (${gigabytes(size)}; files up to ${gigabytes(this.limits.maxBytes)} can be transcribed).`)
    const reserved = [...this.#entries.values()].reduce((sum, e) => sum + e.size, 0)
    if (reserved + size > this.limits.maxTotalBytes) throw new AppError('bad-input', `${name}: too many uploads in progress; try again when the queue is shorter.`)
    const id = randomUUID()
    const path = join(await this.#folder(), id)
    const entry: Entry = { path, name: name.replace(/[\r\n]+/g, ' '), size, received: 0, file: await open(path, 'wx', 0o600), inUse: false, timer: null }
    this.#entries.set(id, entry)
    this.#touch(id, entry)
    return id
  }

  /** Writes `bytes` at `offset`; chunks must arrive in order. @returns the bytes received so far */
  async append(id: string, offset: number, bytes: Uint8Array): Promise<number> {
    const entry = this.#open(id)
    if (offset !== entry.received) throw new AppError('bad-request', `Upload ${entry.name}: expected offset ${entry.received}, got ${offset}.`)
    if (offset + bytes.length > entry.size) throw new AppError('bad-request', `Upload ${entry.name}: more bytes than the ${entry.size} announced.`)
    entry.received += bytes.length
    this.#touch(id, entry)
    try {
      await entry.file.write(bytes, 0, bytes.length, offset)
    } catch (err) {
      await this.discard(id)
      throw new AppError('internal', `Upload ${entry.name}: cannot store it (${(err as Error).message}).`)
    }
    return entry.received
  }

  /** Runs `use` with a complete upload, then deletes it whatever happens. */
  async consume<T>(id: string, use: (upload: Upload) => Promise<T>): Promise<T> {
    const entry = this.#open(id)
    if (entry.received !== entry.size) throw new AppError('bad-request', `Upload ${entry.name}: incomplete (${entry.received} of ${entry.size} bytes).`)
    entry.inUse = true
    if (entry.timer) clearTimeout(entry.timer)
    try {
      await entry.file.close()
      return await use({ path: entry.path, name: entry.name })
    } finally {
      await this.discard(id)
    }
  }

  /** Deletes an upload. @returns whether it existed */
  async discard(id: string): Promise<boolean> {
    const entry = this.#entries.get(id)
    if (!entry) return false
    this.#entries.delete(id)
    if (entry.timer) clearTimeout(entry.timer)
    await entry.file.close().catch(() => undefined)
    await rm(entry.path, { force: true })
    return true
  }

  /** Deletes the whole folder now (engine exit: synchronous, so it also runs from an 'exit' handler). */
  dispose(): void {
    for (const entry of this.#entries.values()) if (entry.timer) clearTimeout(entry.timer)
    this.#entries.clear()
    if (this.#dirPath) rmSync(this.#dirPath, { recursive: true, force: true })
  }

  #open(id: string): Entry {
    const entry = this.#entries.get(id)
    if (!entry || entry.inUse) throw new AppError('not-found', 'No such upload (it was used, cancelled or expired).')
    return entry
  }

  #touch(id: string, entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer)
    entry.timer = setTimeout(() => void this.discard(id), this.limits.idleMs).unref()
  }

  #folder(): Promise<string> {
    this.#dir ??= mkdtemp(join(tmpdir(), `${DIR_PREFIX}${process.pid}-`)).then((dir) => (this.#dirPath = dir))
    return this.#dir
  }
}

function gigabytes(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`
}

/** Removes upload folders whose engine process no longer exists. */
function sweepOrphans(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(new RegExp(`^${DIR_PREFIX}(\\d+)-`).exec(name)?.[1])
    if (pid && pid !== process.pid && !isAlive(pid)) rmSync(join(tmpdir(), name), { recursive: true, force: true })
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
