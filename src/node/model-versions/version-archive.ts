import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { MODEL_FILES, VERSION_META_FILE } from './version-meta'

/** The files of one model version, by name (model.json, model.bin, meta.json). */
export type VersionFiles = Record<string, Uint8Array>

const ARCHIVE_FILES = [...MODEL_FILES, VERSION_META_FILE]
/** Largest archive accepted on import (the size budget is 25 MB of weights). */
export const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024

/** One zip holding a version's files; weights are stored, not deflated (float noise does not compress). */
export function packVersion(files: VersionFiles): Uint8Array {
  const entries = Object.fromEntries(ARCHIVE_FILES.map((name) => {
    const data = files[name]
    if (!data) throw new Error(`version has no ${name}`)
    return [name, [data, { level: name === 'model.bin' ? 0 : 6 }] as [Uint8Array, { level: 0 | 6 }]]
  }))
  return zipSync(entries)
}

/**
 * Unpacks an archive made by packVersion. Only the three known names are read (no paths, so nothing can be
 * written outside the version folder), and none may unpack to more than MAX_ARCHIVE_BYTES: packVersion stores the
 * weights uncompressed, so a bigger entry is a zip bomb (100 KB of deflated zeros unpack to 100 MB).
 * @throws Error with a one-line reason when it is not such an archive
 */
export function unpackVersion(archive: Uint8Array): VersionFiles {
  if (archive.byteLength > MAX_ARCHIVE_BYTES) throw new Error(`the archive is larger than ${MAX_ARCHIVE_BYTES / 2 ** 20} MB`)
  let entries: VersionFiles
  try {
    entries = unzipSync(archive, {
      filter: (file) => {
        if (file.originalSize > MAX_ARCHIVE_BYTES) throw new Error(`${file.name.slice(0, 64)} would unpack to ${Math.round(file.originalSize / 2 ** 20)} MB`)
        return ARCHIVE_FILES.includes(file.name)
      }
    })
  } catch (err) {
    throw new Error(`not a model archive (${(err as Error).message})`)
  }
  const missing = ARCHIVE_FILES.filter((name) => !entries[name])
  if (missing.length > 0) throw new Error(`not a model archive: ${missing.join(', ')} missing`)
  return entries
}

export const metaBytes = (meta: object): Uint8Array => strToU8(`${JSON.stringify(meta, null, 2)}\n`)
export const parseMetaBytes = (bytes: Uint8Array): unknown => JSON.parse(strFromU8(bytes))
