import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import { FUZZ_RUNS } from '../testing/fuzz-runs'
import { decodeAudioBytes } from './decode-audio'

/**
 * Issue 9, item 3: the audio front door (format detection, audio-decode's decoders, downmix, resampling) under
 * WAV files with fuzzed header fields and chunk sizes, truncation and byte flips, and random bytes behind
 * other formats' magic numbers. Every case must give finite 16 kHz samples or one bad-input line naming the file,
 * within a time limit.
 */
const u16 = fc.oneof(fc.constantFrom(0, 1, 2, 3, 6, 8, 16, 24, 32, 64, 0xfffe, 0xffff), fc.integer({ min: 0, max: 0xffff }))
const u32 = fc.oneof(fc.constantFrom(0, 1, 8000, 16000, 44100, 0x7fffffff, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff }))

/** 0-8 KiB of noise (fast-check's own byte arrays stay tiny, which decodes to nothing). */
const noiseBytes = fc.tuple(fc.integer({ min: 0, max: 8192 }), fc.integer()).map(([length, seed]) => {
  let x = seed | 1
  return Uint8Array.from({ length }, () => ((x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 24) & 0xff)
})

/** A usual value most of the time (so many files decode), a wild one otherwise. */
function mostly<T, U>(usual: fc.Arbitrary<T>, wild: fc.Arbitrary<U>): fc.Arbitrary<T | U> {
  return fc.oneof({ arbitrary: usual, weight: 4 }, { arbitrary: wild, weight: 1 })
}

/** A RIFF/WAVE file from fuzzed fields: fmt chunk, optional extra chunk, data chunk with a declared size. */
const wav = fc
  .record({
    format: mostly(fc.constantFrom(1, 3, 0xfffe), u16),
    channels: mostly(fc.constantFrom(1, 2, 6), u16),
    rate: mostly(fc.constantFrom(8000, 16000, 22050, 48000, 96000), u32),
    bits: mostly(fc.constantFrom(8, 16, 24, 32), u16),
    fmtSize: mostly(fc.constant(16), fc.constantFrom(18, 40, 0, 2, 0xffffffff)),
    riffSize: mostly(fc.constant(null), u32),
    dataSize: mostly(fc.constant(null), u32),
    extra: mostly(fc.constant(null), fc.tuple(fc.constantFrom('LIST', 'fact', 'data', 'fmt ', '\0\0\0\0'), u32, fc.uint8Array({ maxLength: 16 }))),
    payload: noiseBytes
  })
  .map(({ format, channels, rate, bits, fmtSize, riffSize, dataSize, extra, payload }) => {
    const fmt = new DataView(new ArrayBuffer(24))
    ;[0x66, 0x6d, 0x74, 0x20].forEach((c, i) => fmt.setUint8(i, c))
    fmt.setUint32(4, fmtSize, true)
    fmt.setUint16(8, format, true)
    fmt.setUint16(10, channels, true)
    fmt.setUint32(12, rate, true)
    const block = Math.max(1, (channels * bits) >> 3) & 0xffff
    fmt.setUint32(16, (rate * block) >>> 0, true)
    fmt.setUint16(20, block, true)
    fmt.setUint16(22, bits, true)
    const chunk = (id: string, size: number, body: Uint8Array): Uint8Array => {
      const head = new DataView(new ArrayBuffer(8))
      ;[...id].forEach((c, i) => head.setUint8(i, c.charCodeAt(0)))
      head.setUint32(4, size, true)
      return concat(new Uint8Array(head.buffer), body)
    }
    const body = concat(
      new TextEncoder().encode('WAVE'),
      new Uint8Array(fmt.buffer),
      extra ? chunk(extra[0], extra[1], extra[2]) : new Uint8Array(0),
      chunk('data', dataSize ?? payload.length, payload)
    )
    return chunk('RIFF', riffSize ?? body.length, body)
  })

/** Damage: cut the file short, or overwrite bytes at random offsets. */
const damaged = fc
  .tuple(wav, fc.option(fc.nat()), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }))
  .map(([bytes, cut, flips]) => {
    const out = bytes.slice(0, cut === null ? bytes.length : cut % (bytes.length + 1))
    for (const [at, value] of flips) if (out.length > 0) out[at % out.length] = value
    return out
  })

/** Random bytes behind the magic numbers format detection looks for (mp3, flac, ogg, m4a, webm, wav). */
const magic = fc
  .tuple(
    fc.constantFrom('ID3', '\xff\xfb', 'fLaC', 'OggS', '\0\0\0\x20ftypM4A ', '\x1aE\xdf\xa3', 'RIFF\0\0\0\0WAVE', ''),
    fc.uint8Array({ maxLength: 2048 })
  )
  .map(([head, rest]) => concat(Uint8Array.from(head, (c) => c.charCodeAt(0)), rest))

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0)
  return out
}

describe('audio decoding under malformed files (fast-check)', () => {
  it('gives finite samples or one bad-input line, never a crash or a hang', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(wav, damaged, damaged, magic), async (bytes) => {
        const outcome = await decodeAudioBytes(bytes, 'fuzz.wav').catch((err: Error) => err)
        if (outcome instanceof Error) {
          expect(outcome).toBeInstanceOf(AppError)
          expect((outcome as AppError).code).toBe('bad-input')
          expect(outcome.message).toMatch(/^fuzz\.wav: [^\r\n]+$/)
          return
        }
        expect(outcome.pcm.every(Number.isFinite)).toBe(true)
        expect(outcome.sourceRate).toBeGreaterThan(0)
      }),
      { numRuns: FUZZ_RUNS.audio, timeout: 5000 }
    )
  })
})
