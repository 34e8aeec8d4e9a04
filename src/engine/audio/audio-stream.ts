import decode from 'audio-decode'
import audioType from 'audio-type'
import { AppError } from '../../shared/errors'
import { downmix } from './downmix'
import { createResampler, type Resampler } from './resample'

export const MODEL_SAMPLE_RATE = 16_000

/** A piece of decoded audio at the model's rate (16 kHz mono, [-1, 1]) and what its source was. */
export interface PcmChunk {
  pcm: Float32Array
  sourceRate: number
  channels: number
}

/** audio-decode's format names (the chunked overload's second parameter). */
type Format = NonNullable<Parameters<typeof decode>[1]>

const SUPPORTED = 'wav, mp3, flac, ogg/vorbis, opus, m4a/aac or webm'
/** Enough leading bytes for format detection (ID3 tags, RIFF and MP4 box headers). */
const HEAD_BYTES = 4096
/**
 * Source rates accepted. A header claiming 100 Hz would turn a small file into hours of 16 kHz audio (and 1 Hz
 * breaks the resampler), so implausible rates are refused before any resampling.
 */
const SOURCE_RATES = { min: 4000, max: 384_000 }

/**
 * Decodes encoded audio as its bytes arrive (any format audio-decode knows; the format is detected from the
 * first bytes), downmixed and resampled to 16 kHz as it goes, so a long file never sits in memory decoded.
 * Containers that need the whole file (m4a) are buffered by their decoder.
 * @throws AppError('bad-input') with one line naming the input (`name`) and the reason.
 */
export async function* decodeToModelRate(encoded: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<PcmChunk> {
  const source = encoded[Symbol.asyncIterator]()
  const head = await readHead(source)
  if (head.length === 0) throw new AppError('bad-input', `${name}: the file is empty (0 bytes).`)
  const format = audioType(head)
  if (!format) throw unreadable(name, 'unknown format')
  let resampler: Resampler | null = null
  let sourceRate = 0
  let samples = 0
  try {
    for await (const { channelData, sampleRate } of decode(prepend(head, source), format as Format)) {
      if (!(sampleRate >= SOURCE_RATES.min && sampleRate <= SOURCE_RATES.max)) throw unreadable(name, `a sample rate of ${sampleRate} Hz is outside ${SOURCE_RATES.min}-${SOURCE_RATES.max} Hz`)
      if (resampler === null) [resampler, sourceRate] = [await createResampler(sampleRate, MODEL_SAMPLE_RATE), sampleRate]
      if (sampleRate !== sourceRate) throw new Error(`the sample rate changes from ${sourceRate} to ${sampleRate} Hz`)
      const mono = downmix(channelData)
      // Float sources may hold NaN, infinities or values far past full scale: silence and clipping keep the
      // resampler (whose filter sums would overflow to Infinity) and everything after it finite.
      for (let i = 0; i < mono.length; i++) mono[i] = Number.isFinite(mono[i]!) ? Math.max(-1, Math.min(1, mono[i]!)) : 0
      const pcm = resampler.push(mono)
      samples += pcm.length
      if (pcm.length > 0) yield { pcm, sourceRate, channels: channelData.length }
    }
  } catch (err) {
    throw err instanceof AppError ? err : unreadable(name, (err instanceof Error ? err.message : String(err)).split('\n')[0]!)
  } finally {
    resampler?.dispose()
  }
  if (samples === 0) throw new AppError('bad-input', `${name}: the file contains no audio samples.`)
}

function unreadable(name: string, reason: string): AppError {
  return new AppError('bad-input', `${name}: not a readable audio file (${SUPPORTED} expected): ${reason}`)
}

/** Reads chunks until at least HEAD_BYTES (or everything, if less) have arrived. */
async function readHead(source: AsyncIterator<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  let length = 0
  while (length < HEAD_BYTES) {
    const next = await source.next()
    if (next.done) break
    parts.push(next.value)
    length += next.value.length
  }
  const head = new Uint8Array(length)
  parts.reduce((at, part) => (head.set(part, at), at + part.length), 0)
  return head
}

async function* prepend(head: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield head
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value
}
