import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { speakToWav } from '../../node/tts'
import { decodeAudioBytes, loadAudioFile, MODEL_SAMPLE_RATE } from './decode-audio'

let dir: string
let speech: string
let seconds: number

/** Converts the spoken fixture with sox (`args` are sox output options) and returns the new file's path. */
function variant(name: string, ...args: string[]): string {
  const out = join(dir, name)
  execFileSync('sox', [speech, ...args, out])
  return out
}

/** A well-formed 16-bit mono WAV whose data chunk holds zero samples. */
function emptyWav(): Uint8Array {
  const header = Uint8Array.from(readFileSync(speech).subarray(0, 44))
  const view = new DataView(header.buffer)
  view.setUint32(4, 36, true) // RIFF size
  view.setUint32(40, 0, true) // data size
  return header
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 's2s-decode-'))
  speech = speakToWav('the quick brown fox', join(dir, 'speech.wav'))
  seconds = (readFileSync(speech).length - 44) / 2 / 16000
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
    const audio = await loadAudioFile(variant(name, ...args))
    expect(audio.seconds).toBeCloseTo(seconds, 1)
    expect(audio.pcm.length).toBeGreaterThan(0.9 * seconds * MODEL_SAMPLE_RATE)
    const peak = audio.pcm.reduce((m, v) => Math.max(m, Math.abs(v)), 0)
    expect(peak).toBeGreaterThan(0.05)
    expect(peak).toBeLessThanOrEqual(1.01)
  })

  it('keeps the waveform through a resample round trip (96 kHz vs original)', async () => {
    const original = await loadAudioFile(speech)
    const resampled = await loadAudioFile(variant('96k-b.wav', '-r', '96000'))
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

  it.each([
    ['an empty file', () => new Uint8Array(0), /empty \(0 bytes\)/],
    ['random bytes named .wav', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251), /not a readable audio file/],
    ['a truncated WAV header', () => readFileSync(speech).subarray(0, 20), /not a readable audio file|no audio samples/],
    ['a WAV with a header but no samples', () => emptyWav(), /no audio samples/],
    ['a text file', () => new TextEncoder().encode('hello, I am not audio\n'), /not a readable audio file/]
  ])('refuses %s with one human-readable line', async (_label, bytes, message) => {
    const error = await decodeAudioBytes(bytes(), 'input.wav').then(() => null, (err: Error) => err)
    expect(error?.message).toMatch(message)
    expect(error?.message).toMatch(/^input\.wav: /)
    expect(error?.message.includes('\n')).toBe(false)
  })

  it('names a missing path', async () => {
    const missing = join(dir, 'nope.wav')
    await expect(loadAudioFile(missing)).rejects.toThrow(`${missing}: no such file.`)
    writeFileSync(join(dir, 'x'), '')
    await expect(loadAudioFile(dir)).rejects.toThrow('not a file')
  })
})
