import { open } from 'node:fs/promises'
import { floatToS16le } from '../../../src/peer/pcm'

export const SAMPLE_RATE = 16_000

export interface WavInfo {
  sampleRate: number
  channels: number
  bitsPerSample: number
  /** Byte length of the data chunk. */
  dataBytes: number
  durationSeconds: number
}

/** A canonical 44-byte-header WAV: PCM, mono, 16-bit. */
export function encodeWav16(samples: Float32Array, sampleRate = SAMPLE_RATE): Buffer {
  const data = floatToS16le(samples)
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVE', 8, 'ascii')
  header.write('fmt ', 12, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(1, 22) // mono
  header.writeUInt32LE(sampleRate, 24)
  header.writeUInt32LE(sampleRate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(data.length, 40)
  return Buffer.concat([header, data])
}

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
