import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../../src/node/atomic-write'
import { NON_SPEECH_KINDS, nonSpeechClip } from './audio/non-speech'
import { encodeWav16 } from './audio/wav'
import type { ManifestRow } from './manifest'
import { createRng } from './util/rng'
import { stableHash } from './util/hash'

export const NON_SPEECH_SPEAKER = 'nonspeech'
/** Bump when the generator changes, so a rerun renders new files instead of reusing old ones. */
const GENERATOR_VERSION = 1

/**
 * Non-speech clips (noise, hum, clicks, bursts, a quiet room) with empty transcripts: they teach the model to
 * write nothing when nothing is said. Deterministic per seed and split; files already on disk are reused.
 */
export async function buildNonSpeechSet(out: string, split: 'train' | 'dev', count: number, seed: number): Promise<ManifestRow[]> {
  const dir = join('nonspeech', split)
  await mkdir(join(out, dir), { recursive: true })
  const rows: ManifestRow[] = []
  for (let i = 0; i < count; i++) {
    const rng = createRng(seed ^ stableHash(`nonspeech:${GENERATOR_VERSION}:${split}:${i}`))
    const kind = rng.pick(NON_SPEECH_KINDS)
    const seconds = Math.round(rng.uniform(1, 6) * 100) / 100
    const path = join(dir, `${i}-${kind}-v${GENERATOR_VERSION}s${seed}.wav`)
    const present = await stat(join(out, path)).then(() => true, () => false)
    if (!present) await writeFileAtomic(join(out, path), encodeWav16(nonSpeechClip(kind, seconds, rng)))
    rows.push({ path, durationSeconds: seconds, speaker: NON_SPEECH_SPEAKER, transcript: '', original: `(${kind})` })
  }
  return rows
}
