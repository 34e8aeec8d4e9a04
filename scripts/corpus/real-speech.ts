import { join, relative, resolve, sep } from 'node:path'
import { readManifest, type ManifestRow } from './manifest'
import { FSDD_HELD_OUT_SPEAKER, SPEECH_COMMANDS_HELD_OUT_FRACTION, isHeldOutSpeechCommandsSpeaker } from './splits'

/** A real-speech folder under the shared speech directory, and which of its speakers are held out for dev. */
export interface RealSpeechSet {
  folder: string
  devManifest: string
  heldOutRule: string
  licence: string
  isHeldOut(speaker: string): boolean
}

export const REAL_SPEECH_SETS: readonly RealSpeechSet[] = [
  {
    folder: 'speech_commands',
    devManifest: 'dev_speech_commands.tsv',
    heldOutRule: `speakers whose stableHash("speech_commands:" + id) / 2^32 < ${SPEECH_COMMANDS_HELD_OUT_FRACTION}`,
    licence: 'Speech Commands v0.02 test split, CC BY 4.0 (Warden 2018, arXiv:1804.03209)',
    isHeldOut: isHeldOutSpeechCommandsSpeaker
  },
  {
    folder: 'fsdd',
    devManifest: 'dev_fsdd.tsv',
    heldOutRule: `speaker ${FSDD_HELD_OUT_SPEAKER}`,
    licence: 'Free Spoken Digit Dataset, CC BY-SA 4.0 (Jackson et al.)',
    isHeldOut: (speaker) => speaker === FSDD_HELD_OUT_SPEAKER
  }
]

export interface RealSpeechSplit {
  set: RealSpeechSet
  train: ManifestRow[]
  dev: ManifestRow[]
}

/**
 * Rows of each set re-pathed relative to `outDir` (audio stays in place), split by speaker.
 * `limit` keeps only the first rows of each split (tiny corpora for tests).
 */
export async function readRealSpeech(speechDir: string, outDir: string, limit = Infinity): Promise<RealSpeechSplit[]> {
  const out: RealSpeechSplit[] = []
  for (const set of REAL_SPEECH_SETS) {
    const dir = resolve(speechDir, set.folder)
    const rows = (await readManifest(join(dir, 'manifest.tsv'))).map((row) => ({
      ...row,
      path: relative(resolve(outDir), resolve(dir, row.path)).split(sep).join('/')
    }))
    out.push({
      set,
      train: rows.filter((r) => !set.isHeldOut(r.speaker)).slice(0, limit),
      dev: rows.filter((r) => set.isHeldOut(r.speaker)).slice(0, limit)
    })
  }
  return out
}
