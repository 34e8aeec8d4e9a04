import decode from 'audio-decode'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '../../shared/errors'
import { downmix } from './downmix'
import { resampleMono } from './resample'

export const MODEL_SAMPLE_RATE = 16_000

/** Audio ready for the model: 16 kHz mono float PCM in [-1, 1], plus what the source was. */
export interface DecodedAudio {
  pcm: Float32Array
  sourceRate: number
  channels: number
  seconds: number
}

const SUPPORTED = 'wav, mp3, flac, ogg/vorbis, opus, m4a/aac or webm'

/**
 * Decodes an encoded audio file's bytes (any format audio-decode knows), downmixes and resamples to 16 kHz.
 * @throws AppError('bad-input') with one line naming the file and the reason.
 */
export async function decodeAudioBytes(bytes: Uint8Array, name: string): Promise<DecodedAudio> {
  if (bytes.length === 0) throw new AppError('bad-input', `${name}: the file is empty (0 bytes).`)
  let decoded: { channelData: Float32Array[]; sampleRate: number }
  try {
    decoded = await decode(bytes)
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0]
    throw new AppError('bad-input', `${name}: not a readable audio file (${SUPPORTED} expected): ${reason}`)
  }
  const channels = decoded.channelData?.length ?? 0
  if (channels === 0 || decoded.channelData.every((c) => c.length === 0)) {
    throw new AppError('bad-input', `${name}: the file contains no audio samples.`)
  }
  const mono = downmix(decoded.channelData)
  for (let i = 0; i < mono.length; i++) if (!Number.isFinite(mono[i]!)) mono[i] = 0
  const pcm = await resampleMono(mono, decoded.sampleRate, MODEL_SAMPLE_RATE)
  return { pcm, sourceRate: decoded.sampleRate, channels, seconds: pcm.length / MODEL_SAMPLE_RATE }
}

/** Reads and decodes an audio file from disk; missing or unreadable files become one-line bad-input errors. */
export async function loadAudioFile(path: string): Promise<DecodedAudio> {
  const info = await stat(path).catch(() => null)
  if (!info) throw new AppError('bad-input', `${path}: no such file.`)
  if (!info.isFile()) throw new AppError('bad-input', `${path}: not a file.`)
  return decodeAudioBytes(await readFile(path), basename(path))
}
