import { NORMALIZER_VERSION } from '../../src/model/text/normalizer'
import type { ManifestRow } from './manifest'
import type { CorpusOptions } from './options'
import type { RealSpeechSplit } from './real-speech'
import { TEXT_SOURCES } from './sources'
import { HELD_OUT_SENTENCE_FRACTION, RESERVED_SPEECH } from './splits'
import { ENGINE_LICENCES } from './synth/voices'
import type { SourceCounts } from './text-pool'

export interface SplitSummary {
  manifest: string
  utterances: number
  hours: number
  speakers: number
}

export function summariseSplit(manifest: string, rows: readonly ManifestRow[]): SplitSummary {
  const seconds = rows.reduce((sum, r) => sum + r.durationSeconds, 0)
  return { manifest, utterances: rows.length, hours: Number((seconds / 3600).toFixed(3)), speakers: new Set(rows.map((r) => r.speaker)).size }
}

/** corpus.json: what was made, from what, under which rules and licences. Contains no timestamps, so it is reproducible. */
export function corpusDescription(o: CorpusOptions, splits: readonly SplitSummary[], counts: Record<string, SourceCounts>, real: readonly RealSpeechSplit[]) {
  return {
    generator: 'npm run corpus (scripts/corpus)',
    seed: o.seed,
    normalizerVersion: NORMALIZER_VERSION,
    options: {
      sentences: o.sentences,
      devSentences: o.devSentences,
      real: Number.isFinite(o.realLimit) ? o.realLimit : 'all',
      augmentFraction: o.augmentFraction,
      babbleBank: o.babbleBank,
      speechDir: o.speechDir
    },
    voices: { train: o.trainVoices.map((v) => v.id), heldOut: o.heldOutVoices.map((v) => v.id) },
    splits,
    rules: {
      heldOutSentences: `normalised sentence s is held out when stableHash("sentence:" + s) / 2^32 < ${HELD_OUT_SENTENCE_FRACTION} (scripts/corpus/splits.ts isHeldOutSentence); list in heldout_sentences.txt`,
      heldOutVoices: 'voices.heldOut speak only dev_synth_heldout_voice.tsv',
      ...Object.fromEntries(real.map((r) => [r.set.folder, `held out for ${r.set.devManifest}: ${r.set.heldOutRule}`])),
      reserved: `never used: ${RESERVED_SPEECH.join(', ')} (fine-tuning benchmark)`
    },
    textSources: TEXT_SOURCES.map((s) => ({ name: s.name, weight: s.weight, licence: s.licence, ...counts[s.name] })),
    licences: [
      ...Object.values(ENGINE_LICENCES),
      ...real.map((r) => r.set.licence),
      ...TEXT_SOURCES.map((s) => s.licence)
    ]
  }
}
