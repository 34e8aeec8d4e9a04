import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { speakToWav } from '../../../node/tts'

/** One input of the bad-input list and what must come of it: a one-line error, or audio of this length. */
export interface AudioCase {
  label: string
  path: string
  expected: { error: RegExp } | { seconds: number }
}

/**
 * Test audio made on the spot from one flite sentence (16 kHz 16-bit mono) with sox, so nothing is checked in.
 * Needs the apt packages flite and sox.
 */
export class AudioFixtures {
  readonly speech: string
  /** Length of the spoken sentence in seconds. */
  readonly seconds: number

  constructor(readonly dir: string, text = 'the quick brown fox') {
    this.speech = speakToWav(text, join(dir, 'speech.wav'))
    this.seconds = (readFileSync(this.speech).length - 44) / 2 / 16000
  }

  /** The sentence converted by sox (`args`: sox output options) into `name`; returns its path. */
  variant(name: string, ...args: string[]): string {
    const out = join(this.dir, name)
    execFileSync('sox', [this.speech, ...args, out])
    return out
  }

  /** The sentence said `times` times without a pause (continuous speech), converted like `variant`. */
  repeated(name: string, times: number, ...args: string[]): string {
    const out = join(this.dir, name)
    execFileSync('sox', [this.speech, ...args, out, 'repeat', String(times - 1)])
    return out
  }

  /** Writes `bytes` as `name`; returns its path. */
  file(name: string, bytes: Uint8Array): string {
    const out = join(this.dir, name)
    writeFileSync(out, bytes)
    return out
  }

  /** A well-formed 16-bit mono WAV whose data chunk holds zero samples. */
  emptyWav(): Uint8Array {
    const header = Uint8Array.from(readFileSync(this.speech).subarray(0, 44))
    const view = new DataView(header.buffer)
    view.setUint32(4, 36, true) // RIFF size
    view.setUint32(40, 0, true) // data size
    return header
  }

  /** Bytes that are no known audio format. */
  static noise(length = 4096): Uint8Array {
    return Uint8Array.from({ length }, (_, i) => (i * 7919) % 251)
  }

  /**
   * The bad-input list: broken files that must fail with one line naming the file, and unusual but
   * valid ones (sample formats, rates, channels, a long file of continuous speech) that must transcribe.
   * `longRepeats` sets the long file's length in sentences.
   */
  badInputCases(longRepeats = 40): AudioCase[] {
    const error = (label: string, path: string, error: RegExp): AudioCase => ({ label, path, expected: { error } })
    const audio = (label: string, path: string, seconds = this.seconds): AudioCase => ({ label, path, expected: { seconds } })
    return [
      error('an empty file', this.file('empty.wav', new Uint8Array(0)), /^empty\.wav: the file is empty \(0 bytes\)\.$/),
      error('a truncated header', this.file('truncated.wav', readFileSync(this.speech).subarray(0, 20)), /^truncated\.wav: (not a readable audio file|the file contains no audio samples)/),
      error('random bytes named .wav', this.file('random.wav', AudioFixtures.noise()), /^random\.wav: not a readable audio file \(.*\): unknown format$/),
      error('an unsupported codec (GSM 6.10 in WAV)', this.variant('gsm.wav', '-e', 'gsm-full-rate'), /^gsm\.wav: not a readable audio file \(.*\): Unsupported WAV format: 0x31$/),
      error('0-length audio', this.file('no-samples.wav', this.emptyWav()), /^no-samples\.wav: the file contains no audio samples\.$/),
      audio('8-bit WAV', this.variant('u8.wav', '-b', '8', '-e', 'unsigned-integer')),
      audio('24-bit WAV', this.variant('s24.wav', '-b', '24')),
      audio('float WAV', this.variant('f32.wav', '-e', 'floating-point', '-b', '32')),
      audio('8 kHz WAV', this.variant('8k.wav', '-r', '8000')),
      audio('96 kHz WAV', this.variant('96k.wav', '-r', '96000')),
      audio('6 channels', this.variant('6ch.wav', '-c', '6')),
      audio('a long file of continuous speech', this.repeated('long.wav', longRepeats), this.seconds * longRepeats)
    ]
  }
}
