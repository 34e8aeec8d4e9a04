import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readWavInfo } from './audio/wav'
import { buildCorpus } from './build'
import { LONG_DEV_MANIFEST } from './long-dev-set'
import { readManifest, type ManifestRow } from './manifest'
import { parseOptions, type CorpusOptions } from './options'
import { FSDD_HELD_OUT_SPEAKER, isHeldOutSentence } from './splits'

const speechDir = resolve(import.meta.dirname, '../../../shared/data/speech')
const MANIFESTS = ['train.tsv', 'dev_synth.tsv', 'dev_synth_heldout_voice.tsv', LONG_DEV_MANIFEST, 'dev_speech_commands.tsv', 'dev_fsdd.tsv', 'dev_nonspeech.tsv']

describe.skipIf(!existsSync(speechDir))('a tiny corpus', () => {
  let out: string
  let options: CorpusOptions
  const manifests = new Map<string, ManifestRow[]>()
  const synthetic = (name: string): ManifestRow[] => (manifests.get(name) ?? []).filter((r) => r.path.startsWith('synth/'))
  const speakers = (rows: readonly ManifestRow[]): Set<string> => new Set(rows.map((r) => r.speaker))

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'corpus-'))
    const parsed = parseOptions(['--out', out, '--speech-dir', speechDir, '--seed', '3', '--sentences', '6', '--dev-sentences', '2', '--real', '40', '--babble-bank', '2', '--augment', '1', '--non-speech', '7', '--dev-non-speech', '3'])
    if (parsed === 'help') throw new Error('unexpected help')
    options = parsed
    await buildCorpus(options, () => undefined)
    for (const name of MANIFESTS) manifests.set(name, await readManifest(join(out, name)))
  })
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true })
  })

  it('writes every manifest and corpus.json with matching counts', async () => {
    expect(synthetic('train.tsv')).toHaveLength(6)
    expect(manifests.get('dev_synth.tsv')).toHaveLength(2)
    expect(manifests.get('dev_synth_heldout_voice.tsv')).toHaveLength(2)
    const nonSpeech = (manifests.get('train.tsv') ?? []).filter((r) => r.speaker === 'nonspeech')
    expect(nonSpeech).toHaveLength(7)
    expect(manifests.get('dev_nonspeech.tsv')).toHaveLength(3)
    for (const row of [...nonSpeech, ...(manifests.get('dev_nonspeech.tsv') ?? [])]) expect(row.transcript).toBe('')
    const description = JSON.parse(await readFile(join(out, 'corpus.json'), 'utf8')) as { splits: Array<{ manifest: string; utterances: number }> }
    for (const split of description.splits) expect(manifests.get(split.manifest)?.length).toBe(split.utterances)
  })

  it('synthetic audio is 16 kHz mono 16-bit and every referenced file exists', async () => {
    for (const [name, rows] of manifests) {
      for (const row of rows) {
        const file = resolve(out, row.path)
        expect(existsSync(file), `${name}: ${row.path}`).toBe(true)
        if (!row.path.endsWith('.wav')) continue
        const info = await readWavInfo(file)
        expect([info.sampleRate, info.channels, info.bitsPerSample]).toEqual([16000, 1, 16])
        expect(info.durationSeconds).toBeCloseTo(row.durationSeconds, 2)
      }
    }
  })

  it('keeps held-out sentences, voices and speakers out of training, and never uses LJSpeech', () => {
    const train = manifests.get('train.tsv') ?? []
    const trainText = new Set(synthetic('train.tsv').map((r) => r.transcript))
    for (const row of [...(manifests.get('dev_synth.tsv') ?? []), ...(manifests.get('dev_synth_heldout_voice.tsv') ?? [])]) {
      expect(isHeldOutSentence(row.transcript)).toBe(true)
      expect(trainText.has(row.transcript)).toBe(false)
    }
    for (const text of trainText) expect(isHeldOutSentence(text)).toBe(false)
    const heldOutVoices = new Set(options.heldOutVoices.map((v) => v.id))
    expect([...speakers(manifests.get('dev_synth_heldout_voice.tsv') ?? [])].every((s) => heldOutVoices.has(s))).toBe(true)
    expect([...speakers(train)].some((s) => heldOutVoices.has(s))).toBe(false)
    for (const dev of ['dev_speech_commands.tsv', 'dev_fsdd.tsv']) {
      const devSpeakers = speakers(manifests.get(dev) ?? [])
      expect(devSpeakers.size).toBeGreaterThan(0)
      expect([...devSpeakers].some((s) => speakers(train).has(s))).toBe(false)
    }
    expect([...speakers(manifests.get('dev_fsdd.tsv') ?? [])]).toEqual([FSDD_HELD_OUT_SPEAKER])
    for (const rows of manifests.values()) expect(rows.some((r) => /ljspeech/i.test(r.path))).toBe(false)
  })

  it('is deterministic and resumable: a second run reuses every file and writes the same manifests', async () => {
    const before = await readFile(join(out, 'train.tsv'), 'utf8')
    const lines: string[] = []
    await buildCorpus(options, (l) => lines.push(l))
    expect(await readFile(join(out, 'train.tsv'), 'utf8')).toBe(before)
    expect(lines.find((l) => l.startsWith('synthetic') && l.endsWith('done'))).toMatch(/ 0\.00\/s /)
  })
})
