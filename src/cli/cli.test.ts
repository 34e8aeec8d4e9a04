import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { GOOD_PAIRS, writeImportFolder } from '../node/testing/import-folder'
import { saveTinyModel } from '../node/testing/tiny-model-dir'
import { tinyModelConfig } from '../model/testing/tiny-setup'
import { speakToWav } from '../node/tts'
import { formatManifest } from '../shared/manifest'
import type { Transcript } from '../shared/transcript'

const bin = fileURLToPath(new URL('../../bin/s2s.mjs', import.meta.url))
/** The commands never touch the real user-data folder in tests. */
const userData = mkdtempSync(join(tmpdir(), 's2s-user-'))

/** Runs the real `s2s` entry point as a user would, from a working directory outside the project. */
function s2s(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return s2sWith({}, ...args)
}

/** s2s with extra environment (e.g. the wasm backend, which trains far faster than cpu). */
function s2sWith(env: Record<string, string>, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: tmpdir(), encoding: 'utf8', env: { ...process.env, S2S_BACKEND: 'cpu', S2S_USER_DATA: userData, ...env }, timeout: 60_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('s2s command line', () => {
  it('info prints version, backend and model state and exits 0', () => {
    const { status, stdout } = s2s('info')
    expect(status).toBe(0)
    expect(stdout).toMatch(/^s2s \d+\.\d+\.\d+$/m)
    expect(stdout).toMatch(/^backend: cpu$/m)
    expect(stdout).toMatch(/^model: (none|ready|error)/m)
  })

  it('an unknown verb exits 2 with a usage line', () => {
    const { status, stderr } = s2s('bogus')
    expect(status).toBe(2)
    expect(stderr).toMatch(/unknown command "bogus"\. Usage: s2s </)
  })

  it('an unknown option exits 2 with a one-line reason', () => {
    const { status, stderr } = s2s('info', '--frobnicate')
    expect(status).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })

  it('train refuses an anneal window that ends before it starts, before loading anything', () => {
    const { status, stderr } = s2s('train', '--anneal', '900:300', '--corpus', tmpdir())
    expect(status).toBe(2)
    expect(stderr.trim()).toMatch(/--anneal takes FROM:UNTIL.*got "900:300"$/)
  })

  it('train refuses a band warp outside 0-0.5, before loading anything', () => {
    const { status, stderr } = s2s('train', '--warp', '0.7', '--corpus', tmpdir())
    expect(status).toBe(2)
    expect(stderr.trim()).toMatch(/--warp is the band-warp range.*got 0\.7$/)
    const ignored = s2s('train', '--warp', '0.2', '--spec-augment', 'off', '--corpus', tmpdir())
    expect(ignored.status).toBe(2)
    expect(ignored.stderr.trim()).toMatch(/--warp needs --spec-augment on or warp/)
  })

  it('train refuses a colouring range outside 0-1 or without augmentation, before loading anything', () => {
    const { status, stderr } = s2s('train', '--colour', '1.5', '--corpus', tmpdir())
    expect(status).toBe(2)
    expect(stderr.trim()).toMatch(/--colour is the colouring's height range.*got 1\.5$/)
    const ignored = s2s('train', '--colour', '0.25', '--spec-augment', 'off', '--corpus', tmpdir())
    expect(ignored.status).toBe(2)
    expect(ignored.stderr.trim()).toMatch(/--colour needs --spec-augment on or warp/)
  })

  it('--help lists every verb of the contract', () => {
    const { status, stdout } = s2s('--help')
    expect(status).toBe(0)
    for (const verb of ['info', 'web', 'transcribe', 'eval', 'train', 'average', 'finetune', 'bench']) expect(stdout).toMatch(new RegExp(`^  ${verb} `, 'm'))
  })
})

describe('s2s train', () => {
  it('starts a new run from a saved model widened to more encoder units, and keeps every validated model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's2s-train-'))
    await saveTinyModel(join(dir, 'start'))
    const texts = ['turn left', 'play some music']
    texts.forEach((t, i) => speakToWav(t, join(dir, `${i}.wav`)))
    const manifest = formatManifest(texts.map((t, i) => ({ path: `${i}.wav`, durationSeconds: 1, speaker: 'slt', transcript: t, original: t })))
    for (const name of ['train.tsv', 'dev_synth.tsv']) writeFileSync(join(dir, name), manifest)
    const run = join(dir, 'run')
    const args = ['train', '--corpus', dir, '--cache', join(dir, 'cache'), '--run', run, '--init', join(dir, 'start'), '--encoder-units', '56', '--steps', '2', '--validate-every', '1', '--joined', '0', '--threads', '1', '--learning-rate', '3e-4']
    const { status, stdout } = s2sWith({ S2S_BACKEND: 'wasm' }, ...args)
    expect(status).toBe(0)
    expect(stdout).toMatch(/^encoder widened from 48 to 56 units per direction: \d+ -> \d+ parameters, same outputs$/m)
    for (const step of [1, 2]) {
      const config = JSON.parse(readFileSync(join(run, 'validated', `step-${step}`, 'model.json'), 'utf8')).modelTopology
      expect(config.encoder.units).toBe(56)
      expect(JSON.parse(readFileSync(join(run, 'validated', `step-${step}`, 'meta.json'), 'utf8'))).toMatchObject({ step, version: `run-step-${step}` })
    }
    const again = s2s(...args)
    expect(again.status).toBe(1)
    expect(again.stderr.trim()).toMatch(/already holds a run .*needs a new run folder$/)
    // resumed without --learning-rate, the run keeps its peak rate: step 3 of the warm-up at 3e-4 (1e-3 would be 7.50e-6)
    const resumed = s2sWith({ S2S_BACKEND: 'wasm' }, 'train', '--corpus', dir, '--cache', join(dir, 'cache'), '--run', run, '--steps', '3', '--joined', '0', '--threads', '1')
    expect(resumed.status).toBe(0)
    expect(resumed.stdout).toMatch(/^resumed at step 2 /m)
    expect(resumed.stdout).toMatch(/^step 3\/3 .* lr 2\.25e-6 /m)
  })

  it('--encoder-units without --init is a usage error', () => {
    const { status, stderr } = s2s('train', '--encoder-units', '256', '--corpus', tmpdir())
    expect(status).toBe(2)
    expect(stderr.trim()).toMatch(/--encoder-units widens the model given by --init/)
  })
})

describe('s2s average', () => {
  const floats = (dir: string): Float32Array => {
    const bytes = readFileSync(join(dir, 'model.bin'))
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) // the file's bytes only, not a shared pool
  }

  it('writes a loadable model whose weights are the mean of the snapshots, with a meta.json naming them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's2s-average-'))
    await saveTinyModel(join(dir, 'a'), { ...tinyModelConfig(), seed: 1 })
    await saveTinyModel(join(dir, 'b'), { ...tinyModelConfig(), seed: 2 })
    const { status, stdout } = s2s('average', '--out', join(dir, 'avg'), join(dir, 'a'), join(dir, 'b'))
    expect(status).toBe(0)
    expect(stdout).toMatch(/^averaged 2 models /m)
    const [a, b, avg] = ['a', 'b', 'avg'].map((name) => floats(join(dir, name)))
    expect(avg!.length).toBe(a!.length)
    for (const i of [0, 1000, a!.length - 1]) expect(avg![i]).toBeCloseTo((a![i]! + b![i]!) / 2, 6)
    expect(JSON.parse(readFileSync(join(dir, 'avg', 'meta.json'), 'utf8'))).toMatchObject({ name: 's2s-en', averagedFrom: [join(dir, 'a'), join(dir, 'b')] })
    const refused = s2s('average', '--out', join(dir, 'again'), join(dir, 'a'), join(dir, 'gone'))
    expect(refused.status).toBe(1)
    expect(refused.stderr.trim()).toMatch(/^s2s average: no model\.json in .*gone$/m)
    expect(existsSync(join(dir, 'again'))).toBe(false)
  })

  it('exits 2 without --out or with fewer than two models', () => {
    expect(s2s('average', tmpdir(), tmpdir()).stderr).toMatch(/--out DIR is required/)
    const one = s2s('average', '--out', join(tmpdir(), 'x'), tmpdir())
    expect(one.status).toBe(2)
    expect(one.stderr).toMatch(/at least two model folders, got 1/)
  })
})

describe('s2s eval', () => {
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 's2s-eval-'))
    await saveTinyModel(join(dir, 'untrained'))
    const texts = ['turn left', 'play some music']
    texts.forEach((t, i) => speakToWav(t, join(dir, `${i}.wav`)))
    writeFileSync(join(dir, 'ok.tsv'), formatManifest(texts.map((t, i) => ({ path: `${i}.wav`, durationSeconds: 1, speaker: 'slt', transcript: t, original: t }))))
    writeFileSync(join(dir, 'missing.tsv'), formatManifest([{ path: 'gone.wav', durationSeconds: 1, speaker: 's', transcript: 'x', original: 'x' }]))
    writeFileSync(join(dir, 'malformed.tsv'), 'relative_audio_path\tduration_seconds\tspeaker_id\ttranscript\n0.wav\tsoon\ts\tturn left\n')
  })

  it('scores a manifest with any checkpoint, even an untrained one, ending with the contract line', () => {
    const { status, stdout } = s2s('eval', join(dir, 'ok.tsv'), '--model', join(dir, 'untrained'))
    expect(status).toBe(0)
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^WER \d+\.\d\d% CER \d+\.\d\d% RTF \d+\.\d+ N 2$/)
  })

  it('with --json prints one JSON document on stdout (per utterance too) and the contract line on stderr', () => {
    const { status, stdout, stderr } = s2s('eval', join(dir, 'ok.tsv'), '--model', join(dir, 'untrained'), '--json')
    expect(status).toBe(0)
    const result = JSON.parse(stdout) as { n: number; utterances: unknown[] }
    expect([result.n, result.utterances.length]).toEqual([2, 2])
    expect(stderr.trim().split('\n').at(-1)).toMatch(/^WER .* N 2$/)
  })

  it('exits 1 naming the row of a missing audio file or a malformed line', () => {
    const missing = s2s('eval', join(dir, 'missing.tsv'), '--model', join(dir, 'untrained'))
    expect(missing.status).toBe(1)
    expect(missing.stderr.trim()).toMatch(/^s2s eval: .*missing\.tsv line 2: .*gone\.wav: no such file\.$/)
    const malformed = s2s('eval', join(dir, 'malformed.tsv'), '--model', join(dir, 'untrained'))
    expect(malformed.status).toBe(1)
    expect(malformed.stderr.trim()).toMatch(/malformed\.tsv line 2: duration "soon" is not a non-negative number$/)
  })

  it('exits 2 without a manifest or with a bad decoder flag', () => {
    expect(s2s('eval').status).toBe(2)
    const bad = s2s('eval', join(dir, 'ok.tsv'), '--decoder', 'psychic')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--decoder must be greedy, beam or joint')
  })

  it('decodes with the joint CTC/attention beam, the bundled LM and hot words', () => {
    writeFileSync(join(dir, 'hot.txt'), '# names\nKayleigh\n')
    const { status, stdout } = s2s('eval', join(dir, 'ok.tsv'), '--model', join(dir, 'untrained'), '--decoder', 'joint', '--beam', '3', '--lm', 'bundled', '--hotwords', join(dir, 'hot.txt'))
    expect(status).toBe(0)
    expect(stdout).toContain('decoder: joint beam 3 + LM + 1 hot words')
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^WER .* N 2$/)
  })

  it('fuses the bundled LM unless told --lm off', () => {
    const decoderLine = (...flags: string[]): string | undefined => s2s('eval', join(dir, 'ok.tsv'), '--model', join(dir, 'untrained'), '--beam', '2', ...flags).stdout.match(/decoder: .*$/m)?.[0]
    expect(decoderLine()).toBe('decoder: joint beam 2 + LM')
    expect(decoderLine('--lm', 'off')).toBe('decoder: joint beam 2')
  })
})

describe('s2s transcribe', () => {
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 's2s-transcribe-'))
    await saveTinyModel(join(dir, 'model'))
    speakToWav('open the window please', join(dir, 'speech.wav'))
    writeFileSync(join(dir, 'junk.wav'), 'definitely not audio')
  })

  it('writes one export per file, keeps going past a bad file with a one-line reason, and exits 1', () => {
    const { status, stderr } = s2s('transcribe', join(dir, 'junk.wav'), join(dir, 'speech.wav'), '--model', join(dir, 'model'), '--decoder', 'greedy', '--format', 'json', '--out', join(dir, 'out'))
    expect(status).toBe(1)
    expect(stderr).toMatch(/^s2s transcribe: junk\.wav: not a readable audio file/m)
    const transcript = JSON.parse(readFileSync(join(dir, 'out', 'speech.json'), 'utf8')) as Transcript
    expect(transcript.durationSeconds).toBeGreaterThan(0.5)
    for (const segment of transcript.segments) {
      expect(segment.start).toBeGreaterThanOrEqual(0)
      expect(segment.end).toBeLessThanOrEqual(transcript.durationSeconds + 0.01)
    }
  })

  it('refuses an unknown format with a usage error', () => {
    expect(s2s('transcribe', join(dir, 'speech.wav'), '--format', 'docx').status).toBe(2)
  })
})

describe('s2s finetune', () => {
  let dir: string
  let problems: RegExp[]
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 's2s-finetune-'))
    await saveTinyModel(join(dir, 'base'))
    mkdirSync(join(dir, 'data'))
    problems = writeImportFolder(join(dir, 'data'))
    writeFileSync(join(dir, 'data', 'check.tsv'), formatManifest(GOOD_PAIRS.map(([path, t]) => ({ path, durationSeconds: 1, speaker: 'slt', transcript: t, original: t }))))
  })

  it('skips each broken pair with one line, trains on the rest, writes a loadable model and prints before/after WER', () => {
    const { status, stdout, stderr } = s2sWith({ S2S_BACKEND: 'wasm' }, 'finetune', '--data', join(dir, 'data'), '--model', join(dir, 'base'), '--out', join(dir, 'out'), '--epochs', '1', '--threads', '1')
    expect(status).toBe(0)
    const skipped = stderr.split('\n').filter((l) => l.startsWith('skipped: '))
    expect(skipped).toHaveLength(problems.length)
    skipped.forEach((line, i) => expect(line.slice('skipped: '.length)).toMatch(problems[i]!))
    expect(stdout).toContain('data: 3 training and 1 held-out utterances (5 skipped)')
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^WER before \d+\.\d\d% after \d+\.\d\d% on 1 held-out utterances$/)
    const evaluated = s2s('eval', join(dir, 'data', 'check.tsv'), '--model', join(dir, 'out'), '--decoder', 'greedy')
    expect(evaluated.status).toBe(0)
  })

  it('exits 2 without --data or with more epochs than the app allows', () => {
    expect(s2s('finetune').status).toBe(2)
    const tooMany = s2s('finetune', '--data', dir, '--epochs', '500')
    expect(tooMany.status).toBe(2)
    expect(tooMany.stderr.trim()).toMatch(/--epochs is at most 50 .*got 500$/)
  })
})
