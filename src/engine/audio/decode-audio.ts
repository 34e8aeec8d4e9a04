import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '../../shared/errors'
import { decodeToModelRate, MODEL_SAMPLE_RATE, type PcmChunk } from './audio-stream'

export { MODEL_SAMPLE_RATE }

/** Audio ready for the model: 16 kHz mono float PCM in [-1, 1], plus what the source was. */
export interface DecodedAudio {
  pcm: Float32Array
  sourceRate: number
  channels: number
  seconds: number
}

/** Bytes per read of a file: small enough to keep memory flat, large enough for few decoder calls. */
const READ_BYTES = 256 * 1024

/**
 * An audio file on disk decoded as it is read, in 16 kHz mono chunks. `onRead(bytesRead, fileBytes)` reports
 * how far reading got (a progress measure that works for every format).
 * @throws AppError('bad-input') for a missing, empty or unreadable file (one line naming it as `name`).
 */
export async function* streamAudioFile(path: string, options: { name?: string; onRead?: (read: number, size: number) => void } = {}): AsyncGenerator<PcmChunk> {
  const info = await stat(path).catch(() => null)
  if (!info) throw new AppError('bad-input', `${path}: no such file.`)
  if (!info.isFile()) throw new AppError('bad-input', `${path}: not a file.`)
  yield* decodeToModelRate(readChunks(path, info.size, options.onRead), options.name ?? basename(path))
}

async function* readChunks(path: string, size: number, onRead?: (read: number, size: number) => void): AsyncGenerator<Uint8Array> {
  let read = 0
  for await (const buffer of createReadStream(path, { highWaterMark: READ_BYTES }) as AsyncIterable<Buffer>) {
    read += buffer.length
    onRead?.(read, size)
    // A plain Uint8Array view: the WAV decoder copies misaligned float data with slice(), which on a Buffer
    // would return a view instead of a copy.
    yield new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length)
  }
}

/** Decodes an encoded audio file's bytes (any format audio-decode knows), downmixed and resampled to 16 kHz. */
export function decodeAudioBytes(bytes: Uint8Array, name: string): Promise<DecodedAudio> {
  return collect(decodeToModelRate((async function* () { yield bytes })(), name))
}

/** Reads and decodes a whole audio file; missing or unreadable files become one-line bad-input errors. */
export function loadAudioFile(path: string): Promise<DecodedAudio> {
  return collect(streamAudioFile(path))
}

async function collect(chunks: AsyncIterable<PcmChunk>): Promise<DecodedAudio> {
  const parts: Float32Array[] = []
  let source = { sourceRate: 0, channels: 0 }
  for await (const { pcm, sourceRate, channels } of chunks) {
    parts.push(pcm)
    source = { sourceRate, channels }
  }
  const pcm = new Float32Array(parts.reduce((n, p) => n + p.length, 0))
  parts.reduce((at, p) => (pcm.set(p, at), at + p.length), 0)
  return { pcm, ...source, seconds: pcm.length / MODEL_SAMPLE_RATE }
}
