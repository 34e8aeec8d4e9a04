import { mkdir, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { soxToFloat32 } from './audio/sox'
import { readWavInfo } from './audio/wav'
import { writeManifest, type ManifestRow } from './manifest'
import type { CorpusOptions } from './options'
import { planSynthetic, type PlannedUtterance, type SynthSplit } from './plan'
import { buildLongDevSet, LONG_DEV_MANIFEST } from './long-dev-set'
import { buildNonSpeechSet } from './non-speech-set'
import { readRealSpeech } from './real-speech'
import { corpusDescription, summariseSplit, type SplitSummary } from './summary'
import { renderUtterance } from './synth/render'
import { buildTextPool } from './text-pool'
import { runPool } from './util/pool'
import { createProgress } from './util/progress'

export const SYNTH_MANIFESTS: Readonly<Record<Exclude<SynthSplit, 'babble'>, string>> = {
  train: 'train.tsv',
  dev_synth: 'dev_synth.tsv',
  dev_synth_heldout_voice: 'dev_synth_heldout_voice.tsv'
}
export const NON_SPEECH_DEV_MANIFEST = 'dev_nonspeech.tsv'

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false)

/** Renders every planned utterance that is not already on disk; returns manifest rows in plan order. */
async function renderAll(label: string, items: readonly PlannedUtterance[], o: CorpusOptions, bank: readonly Float32Array[], log: (l: string) => void): Promise<ManifestRow[]> {
  const rows: ManifestRow[] = new Array(items.length)
  const progress = createProgress(label, items.length, log)
  const tmpDir = join(o.out, '.tmp')
  await mkdir(tmpDir, { recursive: true })
  await runPool(items, o.jobs, async (item, i) => {
    const file = join(o.out, item.relPath)
    const present = await exists(file)
    let seconds: number
    if (present) {
      seconds = (await readWavInfo(file)).durationSeconds
    } else {
      await mkdir(dirname(file), { recursive: true })
      seconds = await renderUtterance(item, file, join(tmpDir, `${i}-${item.voice.id}.wav`), bank)
    }
    rows[i] = { path: item.relPath, durationSeconds: seconds, speaker: item.voice.id, transcript: item.sentence.text, original: item.sentence.original }
    progress.tick(present)
  })
  progress.finish()
  return rows
}

/** Builds (or resumes) the corpus described by `o` in `o.out`. */
export async function buildCorpus(o: CorpusOptions, log: (line: string) => void): Promise<SplitSummary[]> {
  await mkdir(o.out, { recursive: true })
  log(`reading text sources (seed ${o.seed})`)
  const pool = await buildTextPool(o.seed, o.sentences, o.devSentences)
  await writeFile(join(o.out, 'heldout_sentences.txt'), `${pool.heldOut.join('\n')}\n`)
  log(`text: ${pool.train.length} training and ${pool.dev.length} dev sentences; ${pool.heldOut.length} held-out sentences listed`)

  const plan = planSynthetic(pool, o)
  await renderAll('babble bank', plan.babble, o, [], log)
  const bank = await Promise.all(plan.babble.map((b) => soxToFloat32(join(o.out, b.relPath))))
  const rows = await renderAll('synthetic', plan.utterances, o, bank, log)
  await rm(join(o.out, '.tmp'), { recursive: true, force: true })

  const real = await readRealSpeech(o.speechDir, o.out, o.realLimit)
  const manifests = new Map<string, ManifestRow[]>(Object.values(SYNTH_MANIFESTS).map((m) => [m, []]))
  plan.utterances.forEach((u, i) => manifests.get(SYNTH_MANIFESTS[u.split as keyof typeof SYNTH_MANIFESTS])?.push(rows[i] as ManifestRow))
  for (const r of real) {
    manifests.get(SYNTH_MANIFESTS.train)?.push(...r.train)
    manifests.set(r.set.devManifest, r.dev)
  }
  if (o.nonSpeech > 0) {
    log(`non-speech: ${o.nonSpeech} training and ${o.devNonSpeech} dev clips`)
    manifests.get(SYNTH_MANIFESTS.train)?.push(...(await buildNonSpeechSet(o.out, 'train', o.nonSpeech, o.seed)))
    manifests.set(NON_SPEECH_DEV_MANIFEST, await buildNonSpeechSet(o.out, 'dev', o.devNonSpeech, o.seed))
  }
  manifests.set(LONG_DEV_MANIFEST, await buildLongDevSet(o.out, manifests.get(SYNTH_MANIFESTS.dev_synth) ?? []))
  const summaries: SplitSummary[] = []
  for (const [name, manifestRows] of manifests) {
    await writeManifest(join(o.out, name), manifestRows)
    summaries.push(summariseSplit(name, manifestRows))
  }
  await writeFile(join(o.out, 'corpus.json'), `${JSON.stringify(corpusDescription(o, summaries, pool.counts, real), null, 2)}\n`)
  return summaries
}
