import { readFile, rename, writeFile } from 'node:fs/promises'
import { isReservedSpeechPath } from './splits'

/** One row of the shared manifest format (TSV, header line, paths relative to the manifest). */
export interface ManifestRow {
  path: string
  durationSeconds: number
  speaker: string
  transcript: string
  original: string
}

export const MANIFEST_HEADER = ['relative_audio_path', 'duration_seconds', 'speaker_id', 'transcript', 'original_transcript']

const clean = (field: string): string => field.replace(/[\t\r\n]+/g, ' ')

export function formatManifest(rows: readonly ManifestRow[]): string {
  const lines = rows.map((r) => [r.path, r.durationSeconds.toFixed(3), r.speaker, r.transcript, r.original].map(clean).join('\t'))
  return `${[MANIFEST_HEADER.join('\t'), ...lines].join('\n')}\n`
}

export function parseManifest(text: string): ManifestRow[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l !== '')
  if (header?.split('\t').slice(0, 4).join('\t') !== MANIFEST_HEADER.slice(0, 4).join('\t')) throw new Error('manifest: unexpected header')
  return lines.map((line, i) => {
    const [path, duration, speaker, transcript, original] = line.split('\t')
    const durationSeconds = Number(duration)
    if (!path || !Number.isFinite(durationSeconds) || speaker === undefined || transcript === undefined) {
      throw new Error(`manifest line ${i + 2}: malformed`)
    }
    return { path, durationSeconds, speaker, transcript, original: original ?? transcript }
  })
}

export async function readManifest(file: string): Promise<ManifestRow[]> {
  return parseManifest(await readFile(file, 'utf8'))
}

/** Writes atomically; refuses rows from reserved speech (LJSpeech), whatever the caller intended. */
export async function writeManifest(file: string, rows: readonly ManifestRow[]): Promise<void> {
  const reserved = rows.find((r) => isReservedSpeechPath(r.path))
  if (reserved) throw new Error(`refusing to write reserved speech into ${file}: ${reserved.path}`)
  await writeFile(`${file}.part`, formatManifest(rows))
  await rename(`${file}.part`, file)
}
