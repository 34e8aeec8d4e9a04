import { execFile as execFileCallback } from 'node:child_process'
import { constants } from 'node:fs'
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'
import { normalizeText } from '../model/text/normalizer'
import { floatToS16le } from './pcm'

/**
 * The peer recogniser: Debian pocketsphinx (0.8+5prealpha) with the pocketsphinx-en-us model, run as
 * `pocketsphinx_batch` over raw 16 kHz mono s16le files. Benchmarks print its figures beside ours on the same audio.
 */
const execFile = promisify(execFileCallback)
export const POCKETSPHINX_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us'

export interface PeerInput {
  id: string
  /** 16 kHz mono samples in [-1, 1], or the path of any audio file sox can read. */
  audio: Float32Array | string
}

export interface PeerResult {
  /** Normalised hypothesis per input id ('' when PocketSphinx recognised nothing). */
  hyps: Map<string, string>
  /** Wall-clock seconds of the pocketsphinx_batch run (model load included; audio conversion excluded). */
  seconds: number
}

const canAccess = (path: string, mode = constants.R_OK): Promise<boolean> => access(path, mode).then(() => true, () => false)

/** True when pocketsphinx_batch is on PATH and the en-us model is installed (Debian pocketsphinx, pocketsphinx-en-us). */
export async function isPocketSphinxAvailable(modelDir = POCKETSPHINX_MODEL_DIR): Promise<boolean> {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '')
  const found = await Promise.all(dirs.map((d) => canAccess(join(d, 'pocketsphinx_batch'), constants.X_OK)))
  return found.includes(true) && (await canAccess(join(modelDir, 'en-us.lm.bin')))
}

/**
 * cmudict spells a few spoken words as abbreviations (`mr  M IH S T ER`); references spell them out, so the
 * peer's abbreviations are mapped back to the words it heard (only unambiguous ones: not dr, st).
 */
const SPOKEN_FORMS: Readonly<Record<string, string>> = { mr: 'mister', mrs: 'missus', jr: 'junior', etc: 'et cetera' }

/** `words (id score)` lines of a .hyp file, normalised like references; ids are our own u<n> names. */
export function parseHyp(text: string): Map<string, string> {
  const hyps = new Map<string, string>()
  for (const line of text.split('\n')) {
    const match = /^(.*?)\s*\((\S+) -?\d+\)\s*$/.exec(line)
    if (!match) continue
    const words = normalizeText(match[1] as string).split(' ')
    hyps.set(match[2] as string, words.map((w) => SPOKEN_FORMS[w] ?? w).join(' '))
  }
  return hyps
}

async function writeRaw(input: PeerInput, file: string): Promise<void> {
  if (typeof input.audio === 'string') {
    await execFile('sox', ['-V1', input.audio, '-t', 'raw', '-e', 'signed-integer', '-b', '16', '-L', '-r', '16000', '-c', '1', file])
  } else {
    await writeFile(file, floatToS16le(input.audio))
  }
}

export async function runPocketSphinx(inputs: readonly PeerInput[], modelDir = POCKETSPHINX_MODEL_DIR): Promise<PeerResult> {
  const dir = await mkdtemp(join(tmpdir(), 's2s-pocketsphinx-'))
  try {
    const names = inputs.map((_, i) => `u${i}`)
    for (const [i, input] of inputs.entries()) await writeRaw(input, join(dir, `${names[i]}.raw`))
    await writeFile(join(dir, 'ids.ctl'), `${names.join('\n')}\n`)
    const started = performance.now()
    await execFile('pocketsphinx_batch', [
      '-adcin', 'yes', '-cepdir', dir, '-cepext', '.raw', '-ctl', join(dir, 'ids.ctl'),
      '-hmm', join(modelDir, 'en-us'), '-lm', join(modelDir, 'en-us.lm.bin'), '-dict', join(modelDir, 'cmudict-en-us.dict'),
      '-hyp', join(dir, 'out.hyp'), '-logfn', join(dir, 'ps.log')
    ], { maxBuffer: 1 << 24 })
    const seconds = (performance.now() - started) / 1000
    const byName = parseHyp(await readFile(join(dir, 'out.hyp'), 'utf8'))
    return { hyps: new Map(inputs.map((input, i) => [input.id, byName.get(names[i] as string) ?? ''])), seconds }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
