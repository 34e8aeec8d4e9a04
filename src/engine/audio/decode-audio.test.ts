import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeAudioBytes, loadAudioFile, MODEL_SAMPLE_RATE, streamAudioFile } from './decode-audio'
import { AudioFixtures } from './testing/audio-fixtures'

let fixtures: AudioFixtures

beforeAll(() => {
  fixtures = new AudioFixtures(mkdtempSync(join(tmpdir(), 's2s-decode-')))
})

describe('audio decoding to 16 kHz mono', () => {
  it.each([
    ['8-bit unsigned WAV', 'u8.wav', ['-b', '8', '-e', 'unsigned-integer']],
    ['24-bit WAV', 's24.wav', ['-b', '24']],
    ['32-bit float WAV', 'f32.wav', ['-e', 'floating-point', '-b', '32']],
    ['8 kHz WAV', '8k.wav', ['-r', '8000']],
    ['96 kHz WAV', '96k.wav', ['-r', '96000']],
    ['6-channel WAV', '6ch.wav', ['-c', '6']],
    ['FLAC', 'speech.flac', []],
    ['Ogg Vorbis', 'speech.ogg', []]
  ])('reads %s with the right duration and a sane level', async (_label, name, args) => {
    const audio = await loadAudioFile(fixtures.variant(name, ...args))
    expect(audio.seconds).toBeCloseTo(fixtures.seconds, 1)
    expect(audio.pcm.length).toBeGreaterThan(0.9 * fixtures.seconds * MODEL_SAMPLE_RATE)
    const peak = audio.pcm.reduce((m, v) => Math.max(m, Math.abs(v)), 0)
    expect(peak).toBeGreaterThan(0.05)
    expect(peak).toBeLessThanOrEqual(1.01)
  })

  it('keeps the waveform through a resample round trip (96 kHz vs original)', async () => {
    const original = await loadAudioFile(fixtures.speech)
    const resampled = await loadAudioFile(fixtures.variant('96k-b.wav', '-r', '96000'))
    let dot = 0
    let a2 = 0
    let b2 = 0
    const n = Math.min(original.pcm.length, resampled.pcm.length)
    for (let i = 0; i < n; i++) {
      dot += original.pcm[i]! * resampled.pcm[i]!
      a2 += original.pcm[i]! ** 2
      b2 += resampled.pcm[i]! ** 2
    }
    expect(dot / Math.sqrt(a2 * b2)).toBeGreaterThan(0.9)
  })

  it('streams a long 44.1 kHz stereo file in pieces, the same samples as decoding it whole', async () => {
    const long = fixtures.repeated('long-44k-stereo.flac', 41, '-r', '44100', '-c', '2')
    const whole = await loadAudioFile(long)
    let read = 0
    const pieces: Float32Array[] = []
    for await (const chunk of streamAudioFile(long, { onRead: (bytes) => (read = bytes) })) pieces.push(chunk.pcm)
    expect(pieces.length).toBeGreaterThan(5)
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(whole.pcm.length / 5)
    expect(pieces.reduce((n, p) => n + p.length, 0)).toBe(whole.pcm.length)
    expect(read).toBeGreaterThan(0)
    expect(whole.seconds).toBeCloseTo(41 * fixtures.seconds, 0)
  })

  it.each([
    ['an empty file', () => new Uint8Array(0), /empty \(0 bytes\)/],
    ['random bytes named .wav', () => AudioFixtures.noise(), /not a readable audio file/],
    ['a WAV with a header but no samples', () => fixtures.emptyWav(), /no audio samples/],
    ['a text file', () => new TextEncoder().encode('hello, I am not audio\n'), /not a readable audio file/]
  ])('refuses %s with one human-readable line', async (_label, bytes, message) => {
    const error = await decodeAudioBytes(bytes(), 'input.wav').then(() => null, (err: Error) => err)
    expect(error?.message).toMatch(message)
    expect(error?.message).toMatch(/^input\.wav: /)
    expect(error?.message.includes('\n')).toBe(false)
  })

  it('keeps a float WAV with NaN, infinities and values far past full scale finite and within [-1, 1]', async () => {
    const samples = Float32Array.from({ length: 8000 }, (_, i) => [3e38, -3e38, Number.NaN, Infinity, 0.5][i % 5]!)
    const header = new DataView(new ArrayBuffer(44))
    const text = (at: number, s: string): void => [...s].forEach((c, k) => header.setUint8(at + k, c.charCodeAt(0)))
    text(0, 'RIFF'); header.setUint32(4, 36 + samples.byteLength, true); text(8, 'WAVEfmt ')
    header.setUint32(16, 16, true); header.setUint16(20, 3, true); header.setUint16(22, 1, true) // IEEE float, mono
    header.setUint32(24, 8000, true); header.setUint32(28, 32000, true); header.setUint16(32, 4, true); header.setUint16(34, 32, true)
    text(36, 'data'); header.setUint32(40, samples.byteLength, true)
    const bytes = new Uint8Array([...new Uint8Array(header.buffer), ...new Uint8Array(samples.buffer)])
    const { pcm } = await decodeAudioBytes(bytes, 'float.wav')
    expect(pcm.length).toBeGreaterThan(0)
    expect(pcm.every((x) => Number.isFinite(x) && Math.abs(x) <= 1.5)).toBe(true)
  })

  it('names a missing path', async () => {
    const missing = join(fixtures.dir, 'nope.wav')
    await expect(loadAudioFile(missing)).rejects.toThrow(`${missing}: no such file.`)
    writeFileSync(join(fixtures.dir, 'x'), '')
    await expect(loadAudioFile(fixtures.dir)).rejects.toThrow('not a file')
  })
})

describe('the bad-input list at the decoder', () => {
  it('gives each input its audio or its one-line reason', async () => {
    for (const { label, path, expected } of fixtures.badInputCases(3)) {
      const outcome = await loadAudioFile(path).then((audio) => audio.seconds, (err: Error) => err.message)
      if ('error' in expected) expect(outcome, label).toMatch(expected.error)
      else expect(outcome, label).toBeCloseTo(expected.seconds, 1)
    }
  })
})
