import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { decodeAudioBytes, MODEL_SAMPLE_RATE } from '../../engine/audio/decode-audio'
import { normalizeText } from '../../model/text/normalizer'
import { AppError } from '../../shared/errors'
import { MAX_UTTERANCE_SECONDS, MIN_UTTERANCE_SECONDS, type ImportReport } from '../../shared/finetune'
import { ManifestError, parseManifest } from '../../shared/manifest'

/** Files offered for training: a folder on disk (command line) or files the page uploaded (by bare name). */
export interface DataSource {
  names: readonly string[]
  /** The file's bytes, or null when there is no such file. */
  read(name: string): Promise<Uint8Array | null>
}

/** One accepted utterance: 16 kHz mono PCM and its transcript as written. */
export interface Utterance {
  name: string
  text: string
  pcm: Float32Array
}

export interface CollectedData {
  utterances: Utterance[]
  /** One line per rejected file or manifest line: where, then why. */
  problems: string[]
}

const AUDIO = /\.(wav|mp3|flac|ogg|oga|opus|m4a|aac|webm)$/i

export async function folderSource(dir: string): Promise<DataSource> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    throw new AppError('bad-input', `${dir}: ${err.code === 'ENOENT' ? 'no such folder' : err.message}`)
  })
  return {
    names: entries.filter((e) => e.isFile()).map((e) => e.name).sort(),
    read: (name) => readFile(join(dir, name)).then((b) => new Uint8Array(b), () => null)
  }
}

export function uploadSource(files: ReadonlyArray<{ name: string; data: Uint8Array }>): DataSource {
  const byName = new Map(files.map((f) => [f.name, f.data]))
  return { names: [...byName.keys()].sort(), read: async (name) => byName.get(name) ?? null }
}

/**
 * Collects training utterances from audio + .txt pairs (same name, e.g. a.wav + a.txt) or, when `manifest` names
 * a TSV in the shared format, from its rows (audio paths relative to it). Everything unusable is reported, one
 * line each, and left out: a missing transcript or audio file, unreadable audio, audio too long or too short, a
 * transcript with nothing the model can spell, a malformed manifest line.
 */
export async function collectUtterances(source: DataSource, manifest?: string): Promise<CollectedData> {
  const problems: string[] = []
  const utterances: Utterance[] = []
  for (const candidate of manifest ? await manifestCandidates(source, manifest) : await pairCandidates(source)) {
    if ('problem' in candidate) {
      problems.push(candidate.problem)
      continue
    }
    const checked = await checkUtterance(source, candidate.audio, candidate.text).catch((err: Error) => err.message)
    if (typeof checked === 'string') problems.push(`${candidate.where}${checked}`)
    else utterances.push(checked)
  }
  return { utterances, problems }
}

/** The import report of collected data. */
export function reportOf(data: CollectedData): ImportReport {
  return { imported: data.utterances.length, seconds: data.utterances.reduce((s, u) => s + u.pcm.length / MODEL_SAMPLE_RATE, 0), problems: data.problems }
}

/** A pair or manifest row to check, or a problem already found (kept in file / line order). */
type Candidate =
  | {
      /** Prefix of a problem line ("" for pairs, whose audio name starts the reason; "x.tsv line 4: " for rows). */
      where: string
      audio: string
      text: string
    }
  | { problem: string }

async function pairCandidates(source: DataSource): Promise<Candidate[]> {
  const names = new Set(source.names)
  const stem = (name: string): string => name.replace(/\.[^.]+$/, '')
  const audioStems = new Set(source.names.filter((n) => AUDIO.test(n)).map(stem))
  const candidates: Candidate[] = []
  for (const name of source.names) {
    if (name.endsWith('.txt') && !audioStems.has(stem(name))) candidates.push({ problem: `${name}: no audio file with the same name` })
    if (!AUDIO.test(name)) continue
    const textName = `${stem(name)}.txt`
    const bytes = names.has(textName) ? await source.read(textName) : null
    if (bytes === null) candidates.push({ problem: `${name}: no transcript (${textName} is missing)` })
    else candidates.push({ where: '', audio: name, text: new TextDecoder().decode(bytes).trim() })
  }
  return candidates
}

async function manifestCandidates(source: DataSource, manifest: string): Promise<Candidate[]> {
  const bytes = await source.read(manifest)
  if (bytes === null) throw new AppError('bad-input', `${manifest}: no such file`)
  const [header = '', ...lines] = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').split(/\r?\n/)
  const candidates: Candidate[] = []
  lines.forEach((line, i) => {
    if (line.trim() === '') return
    const where = `${manifest} line ${i + 2}: `
    try {
      const [row] = parseManifest(`${header}\n${line}`, manifest)
      candidates.push({ where, audio: row!.path, text: row!.transcript })
    } catch (err) {
      if (!(err instanceof ManifestError)) throw err
      candidates.push({ problem: `${where}${err.message.replace(/^.* line \d+: /, '')}` })
    }
  })
  return candidates
}

/** The utterance, or throws an Error whose message is the problem (starting with the audio name). */
async function checkUtterance(source: DataSource, audio: string, text: string): Promise<Utterance> {
  if (normalizeText(text) === '') throw new Error(`${audio}: the transcript is empty (nothing the model can spell)`)
  const bytes = await source.read(audio)
  if (bytes === null) throw new Error(`${audio}: no such file`)
  const { pcm, seconds } = await decodeAudioBytes(bytes, audio)
  if (seconds > MAX_UTTERANCE_SECONDS) throw new Error(`${audio}: ${seconds.toFixed(1)} s is longer than the ${MAX_UTTERANCE_SECONDS} s limit`)
  if (seconds < MIN_UTTERANCE_SECONDS) throw new Error(`${audio}: ${seconds.toFixed(2)} s is too short to be speech`)
  return { name: audio, text, pcm }
}

/** Collects from a folder of pairs or, when `path` is a file, from the TSV manifest it names. */
export async function collectFromPath(path: string): Promise<CollectedData> {
  const info = await stat(path).catch(() => {
    throw new AppError('bad-input', `${path}: no such file or folder`)
  })
  return info.isDirectory() ? collectUtterances(await folderSource(path)) : collectUtterances(await folderSource(dirname(path)), basename(path))
}
