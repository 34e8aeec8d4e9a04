import { mkdir, rename } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { readWavInfo } from './audio/wav'
import type { ManifestRow } from './manifest'
import { execFile } from './util/exec'

/** Utterances per long dev utterance: four ~3 s sentences make ~12 s, the length of a dictation segment's cap. */
export const LONG_DEV_GROUP = 4
export const LONG_DEV_MANIFEST = 'dev_synth_long.tsv'

/**
 * The long-input dev set: groups of `group` dev sentences of one voice (in manifest order) joined end to end by sox
 * (each keeps its own leading and trailing silence), one transcript per group. It measures what the sentence-level dev sets cannot:
 * whether the model keeps its place over a dictation segment's worth of continuous speech. Files already on disk
 * are kept (the join is deterministic).
 */
export async function buildLongDevSet(out: string, dev: readonly ManifestRow[], group = LONG_DEV_GROUP): Promise<ManifestRow[]> {
  const byVoice = new Map<string, ManifestRow[]>()
  for (const row of dev) byVoice.set(row.speaker, [...(byVoice.get(row.speaker) ?? []), row])
  const groups = [...byVoice.values()].flatMap((rows) => Array.from({ length: Math.floor(rows.length / group) }, (_, g) => rows.slice(g * group, (g + 1) * group)))
  const rows: ManifestRow[] = []
  for (const [index, parts] of groups.entries()) {
    const path = join('synth', 'dev_synth_long', `${String(index).padStart(6, '0')}.wav`)
    const file = join(out, path)
    const info = await readWavInfo(file).catch(async () => {
      await mkdir(dirname(file), { recursive: true })
      await execFile('sox', [...parts.map((p) => join(out, p.path)), `${file}.tmp.wav`])
      await rename(`${file}.tmp.wav`, file)
      return readWavInfo(file)
    })
    rows.push({
      path, durationSeconds: info.durationSeconds, speaker: parts[0]!.speaker,
      transcript: parts.map((p) => p.transcript).join(' '), original: parts.map((p) => p.original).join(' ')
    })
  }
  return rows
}
