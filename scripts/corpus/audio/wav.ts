import { open } from 'node:fs/promises'
import { encodeWav16 as encodeWav } from '../../../src/node/wav'

export const SAMPLE_RATE = 16_000

export interface WavInfo {
  sampleRate: number
  channels: number
  bitsPerSample: number
  /** Byte length of the data chunk. */
  dataBytes: number
  durationSeconds: number
}

/** A canonical 44-byte-header WAV: PCM, mono, 16-bit (the app's encoder, at the corpus rate by default). */
export const encodeWav16 = (samples: Float32Array, sampleRate = SAMPLE_RATE): Buffer => encodeWav(samples, sampleRate)

/** Parses the RIFF chunks up to `data`; throws on anything that is not a PCM WAV. */
export function parseWavHeader(bytes: Buffer): WavInfo {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a RIFF/WAVE file')
  let offset = 12
  let fmt: Omit<WavInfo, 'dataBytes' | 'durationSeconds'> | undefined
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4)
    const size = bytes.readUInt32LE(offset + 4)
    if (id === 'fmt ') {
      fmt = { channels: bytes.readUInt16LE(offset + 10), sampleRate: bytes.readUInt32LE(offset + 12), bitsPerSample: bytes.readUInt16LE(offset + 22) }
    } else if (id === 'data') {
      if (!fmt) throw new Error('WAV data chunk before fmt chunk')
      const frameBytes = fmt.channels * (fmt.bitsPerSample / 8)
      return { ...fmt, dataBytes: size, durationSeconds: size / frameBytes / fmt.sampleRate }
    }
    offset += 8 + size + (size % 2)
  }
  throw new Error('WAV file has no data chunk')
}

/** Reads only the header of a WAV file. */
export async function readWavInfo(path: string): Promise<WavInfo> {
  const file = await open(path, 'r')
  try {
    const head = Buffer.alloc(4096)
    const { bytesRead } = await file.read(head, 0, head.length, 0)
    return parseWavHeader(head.subarray(0, bytesRead))
  } finally {
    await file.close()
  }
}
