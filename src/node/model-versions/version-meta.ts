import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelVersion } from '../../shared/finetune'

/** The weight files of a model directory, each covered by a checksum in meta.json. */
export const MODEL_FILES = ['model.json', 'model.bin'] as const
export const VERSION_META_FILE = 'meta.json'

/**
 * meta.json of a fine-tuned version: what the UI lists, `name`/`version` as every model directory has them
 * (engine.info shows them), and a SHA-256 per weight file so a damaged version is noticed before it is used.
 */
export interface VersionMeta extends ModelVersion {
  name: string
  version: string
  sha256: Record<string, string>
}

export async function checksums(dir: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {}
  for (const file of MODEL_FILES) sums[file] = createHash('sha256').update(await readFile(join(dir, file))).digest('hex')
  return sums
}

/**
 * Reads and checks a version directory.
 * @throws Error with a one-line reason (missing or unreadable meta.json, a missing file, a checksum mismatch)
 */
export async function verifiedMeta(dir: string): Promise<VersionMeta> {
  const meta = JSON.parse(await readFile(join(dir, VERSION_META_FILE), 'utf8')) as VersionMeta
  if (typeof meta.id !== 'string' || typeof meta.sha256 !== 'object' || meta.sha256 === null) throw new Error(`${VERSION_META_FILE} is incomplete`)
  const actual = await checksums(dir).catch((err: NodeJS.ErrnoException) => {
    throw new Error(err.code === 'ENOENT' ? `${err.path?.split(/[\\/]/).pop()} is missing` : err.message)
  })
  for (const file of MODEL_FILES) if (meta.sha256[file] !== actual[file]) throw new Error(`${file} does not match its checksum`)
  return meta
}

/** The public part of a version's meta (what lists and results carry). */
export function versionOf(meta: VersionMeta): ModelVersion {
  const { id, label, createdAt, base, werBefore, werAfter, trainUtterances } = meta
  return { id, label, createdAt, base, werBefore, werAfter, trainUtterances }
}
