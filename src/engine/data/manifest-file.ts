import { readFile } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import { ManifestError, parseManifest, type ManifestRow } from '../../shared/manifest'
import { AppError } from '../../shared/errors'

/** A manifest row whose audio path is resolved against the manifest's folder. */
export interface ResolvedRow extends ManifestRow {
  audioPath: string
  /** 1-based line in the manifest, for error messages. */
  line: number
}

/**
 * Reads a manifest in the shared format and resolves its audio paths.
 * @throws AppError('bad-input') naming the file (and line) when it cannot be read or parsed
 */
export async function readManifestFile(path: string): Promise<ResolvedRow[]> {
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
