/**
 * The shared manifest format (../shared/data/speech/README.md): UTF-8 TSV with one header line and columns
 * relative_audio_path, duration_seconds, speaker_id, transcript, original_transcript (the last optional);
 * audio paths are relative to the manifest. Pure: reading and writing files is the caller's job.
 */
export interface ManifestRow {
  /** Audio path as written (relative to the manifest). */
  path: string
  durationSeconds: number
  speaker: string
  transcript: string
  original: string
}

export const MANIFEST_COLUMNS = ['relative_audio_path', 'duration_seconds', 'speaker_id', 'transcript', 'original_transcript'] as const

/** A problem with one line of a manifest; `line` is 1-based as an editor shows it. */
export class ManifestError extends Error {
  constructor(
    readonly line: number,
    reason: string,
    source = 'manifest'
  ) {
    super(`${source} line ${line}: ${reason}`)
    this.name = 'ManifestError'
  }
}

/**
 * Parses manifest text. Blank lines are skipped.
 * @throws ManifestError naming the first bad line (header, column count, path, duration).
 */
export function parseManifest(text: string, source = 'manifest'): ManifestRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const header = lines[0]?.split('\t') ?? []
  if (MANIFEST_COLUMNS.slice(0, 4).some((name, i) => header[i] !== name)) {
    throw new ManifestError(1, `header must start with ${MANIFEST_COLUMNS.slice(0, 4).join(', ')} (tab-separated)`, source)
  }
  const rows: ManifestRow[] = []
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return
    const lineNumber = index + 2
    const fields = line.split('\t')
    if (fields.length < 4) throw new ManifestError(lineNumber, `expected at least 4 tab-separated columns, found ${fields.length}`, source)
    const [path, duration, speaker, transcript, original] = fields as [string, string, string, string, string | undefined]
    if (path.trim() === '') throw new ManifestError(lineNumber, 'empty audio path', source)
    const durationSeconds = Number(duration)
    if (duration.trim() === '' || !Number.isFinite(durationSeconds) || durationSeconds < 0) {
      throw new ManifestError(lineNumber, `duration ${JSON.stringify(duration.slice(0, 20))} is not a non-negative number`, source)
    }
    rows.push({ path, durationSeconds, speaker, transcript, original: original ?? transcript })
  })
  return rows
}

/** Formats rows as manifest text (tabs and newlines inside fields become spaces). */
export function formatManifest(rows: readonly ManifestRow[]): string {
  const clean = (field: string): string => field.replace(/[\t\r\n]+/g, ' ')
  const lines = rows.map((r) => [r.path, r.durationSeconds.toFixed(3), r.speaker, r.transcript, r.original].map(clean).join('\t'))
  return `${[MANIFEST_COLUMNS.join('\t'), ...lines].join('\n')}\n`
}
