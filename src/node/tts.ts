import { execFileSync } from 'node:child_process'

/**
 * Speaks `text` with a Debian flite voice (kal16, slt, awb, rms) into a 16 kHz 16-bit mono WAV at `path`.
 * Tests and benchmarks use it so no audio needs to be checked in.
 * @throws when flite is not installed (apt package `flite`)
 */
export function speakToWav(text: string, path: string, voice = 'slt'): string {
  execFileSync('flite', ['-voice', voice, '-t', text, '-o', path])
  return path
}
