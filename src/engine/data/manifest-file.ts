import { readFile, stat } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import { ManifestError, parseManifest, type ManifestRow } from '../../shared/manifest'
import { AppError } from '../../shared/errors'

/** A manifest row whose audio path is resolved against the manifest's folder. */
export interface ResolvedRow extends ManifestRow {
  audioPath: string
  /** 1-based line in the manifest, for error messages. */
  line: number
}

/** Largest manifest read (about a million rows). */
const MAX_MANIFEST_BYTES = 256 * 2 ** 20

/**
 * Reads a manifest in the shared format and resolves its audio paths.
 * @throws AppError('bad-input') naming the file (and line) when it cannot be read or parsed
 */
export async function readManifestFile(path: string): Promise<ResolvedRow[]> {
  // A folder, pipe or device is refused before reading: reading a named pipe would block forever.
  const info = await stat(path).catch(() => null)
  if (info && !info.isFile()) throw new AppError('bad-input', `${path}: not a regular file`)
  if (info && info.size > MAX_MANIFEST_BYTES) throw new AppError('bad-input', `${path}: larger than ${MAX_MANIFEST_BYTES / 2 ** 20} MiB, too large for a manifest`)
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new AppError('bad-input', `${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`)
  })
  let rows: ManifestRow[]
  try {
    rows = parseManifest(text, path)
  } catch (err) {
    if (err instanceof ManifestError) throw new AppError('bad-input', err.message)
    throw err
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const lineNumbers = lines.flatMap((l, i) => (i > 0 && l.trim() !== '' ? [i + 1] : []))
  const base = dirname(resolve(path))
  return rows.map((row, i) => ({ ...row, audioPath: isAbsolute(row.path) ? row.path : resolve(base, row.path), line: lineNumbers[i]! }))
}
