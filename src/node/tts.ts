import decode from 'audio-decode'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Speech from Debian's flite for tests and benchmarks, so no audio needs to be checked in.
 * Voices: kal16, slt, awb, rms (all 16 kHz). Needs the apt package `flite`.
 */

/** Speaks `text` into a 16 kHz 16-bit mono WAV at `path` and returns the path. */
export function speakToWav(text: string, path: string, voice = 'slt'): string {
  execFileSync('flite', ['-voice', voice, '-t', text, '-o', path])
  return path
}

/** One synthesized utterance: its text and 16 kHz mono PCM. */
export interface TtsUtterance {
  text: string
  pcm: Float32Array
}

/** Speaks each text and decodes it to PCM (through a temp dir that is removed afterwards). */
export async function synthesize(texts: readonly string[], voice = 'slt'): Promise<TtsUtterance[]> {
  const dir = mkdtempSync(join(tmpdir(), 's2s-tts-'))
  try {
    const out: TtsUtterance[] = []
    for (const [i, text] of texts.entries()) {
      const audio = await decode(readFileSync(speakToWav(text, join(dir, `${i}.wav`), voice)))
      if (audio.sampleRate !== 16000) throw new Error(`flite produced ${audio.sampleRate} Hz, expected 16000`)
      out.push({ text, pcm: audio.channelData[0]! })
    }
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
