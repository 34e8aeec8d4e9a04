import { readFile } from 'node:fs/promises'
import { writeFileAtomic } from '../../src/node/atomic-write'
import { formatManifest, parseManifest, type ManifestRow } from '../../src/shared/manifest'
import { isReservedSpeechPath } from './splits'

export type { ManifestRow }

/** Reads a manifest in the shared format (one parser for the whole project: src/shared/manifest.ts). */
export async function readManifest(file: string): Promise<ManifestRow[]> {
  return parseManifest(await readFile(file, 'utf8'), file)
}

/** Writes atomically; refuses rows from reserved speech (LJSpeech), whatever the caller intended. */
export async function writeManifest(file: string, rows: readonly ManifestRow[]): Promise<void> {
  const reserved = rows.find((r) => isReservedSpeechPath(r.path))
  if (reserved) throw new Error(`refusing to write reserved speech into ${file}: ${reserved.path}`)
  await writeFileAtomic(file, formatManifest(rows))
}
