import { createHash } from 'node:crypto'
import { mkdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { computeLogMel } from '../../model/features/log-mel'
import type { FeatureConfig } from '../../model/features/feature-config'
import { AppError } from '../../shared/errors'
import { writeFileAtomic } from '../../node/atomic-write'
import { loadAudioFile } from '../audio/decode-audio'
import { readManifestFile } from './manifest-file'

/** One utterance inside a FeatureSet: frames [offset, offset + frames) of `data`. */
export interface FeatureItem {
  offset: number
  frames: number
  transcript: string
  speaker: string
  audioPath: string
}

/** Raw (not normalised) log-mel of a whole manifest in one buffer, shareable with worker threads. */
export interface FeatureSet {
  dim: number
  /** [totalFrames, dim] row-major, backed by a SharedArrayBuffer. */
  data: Float32Array
  items: FeatureItem[]
  /** Total audio seconds (frames × hop). */
  seconds: number
}

const CACHE_VERSION = 1

export interface FeatureSetOptions {
  cacheDir: string
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

/** Cache key: manifest identity (path, size, mtime) + feature config + cache format. */
async function cacheKey(manifestPath: string, cfg: FeatureConfig): Promise<string> {
  const info = await stat(manifestPath)
  return createHash('sha256').update(JSON.stringify([CACHE_VERSION, resolve(manifestPath), info.size, info.mtimeMs, cfg])).digest('hex').slice(0, 16)
}

/**
 * Log-mel features of every row of a manifest, computed once and cached on disk (features.f32 + index.json,
 * each written atomically), so a later run starts in seconds.
 * @throws AppError('bad-input') naming the manifest line of an unreadable row
 */
export async function loadFeatureSet(manifestPath: string, cfg: FeatureConfig, options: FeatureSetOptions): Promise<FeatureSet> {
  const dir = join(options.cacheDir, await cacheKey(manifestPath, cfg))
  const cached = await readCache(dir, cfg)
  if (cached) return cached
  const rows = await readManifestFile(manifestPath)
  const chunks: Float32Array[] = []
  const items: FeatureItem[] = []
  let offset = 0
  for (const [i, row] of rows.entries()) {
    options.signal?.throwIfAborted()
    const audio = await loadAudioFile(row.audioPath).catch((err: Error) => {
      throw new AppError('bad-input', `${manifestPath} line ${row.line}: ${err.message}`)
    })
    const feats = computeLogMel(audio.pcm, cfg)
    chunks.push(feats.data)
    items.push({ offset, frames: feats.frames, transcript: row.transcript, speaker: row.speaker, audioPath: row.audioPath })
    offset += feats.frames
    options.onProgress?.(i + 1, rows.length)
  }
  const data = shared(offset * cfg.melBands)
  let at = 0
  for (const chunk of chunks) {
    data.set(chunk, at)
    at += chunk.length
  }
  await mkdir(dir, { recursive: true })
  await writeFileAtomic(join(dir, 'features.f32'), new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
  await writeFileAtomic(join(dir, 'index.json'), JSON.stringify({ dim: cfg.melBands, items }))
  return { dim: cfg.melBands, data, items, seconds: secondsOf(offset, cfg) }
}

const secondsOf = (frames: number, cfg: FeatureConfig): number => (frames * cfg.hopSamples) / cfg.sampleRate

function shared(length: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(length * Float32Array.BYTES_PER_ELEMENT))
}

async function readCache(dir: string, cfg: FeatureConfig): Promise<FeatureSet | null> {
  const dim = cfg.melBands
  try {
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { dim: number; items: FeatureItem[] }
    const bytes = await readFile(join(dir, 'features.f32'))
    if (index.dim !== dim || bytes.byteLength % (4 * dim) !== 0) return null
    const data = shared(bytes.byteLength / 4)
    new Uint8Array(data.buffer).set(bytes)
    return { dim, data, items: index.items, seconds: secondsOf(data.length / dim, cfg) }
  } catch {
    return null
  }
}
