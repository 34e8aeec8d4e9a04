import { rename, rm, writeFile } from 'node:fs/promises'
import type { Augmentation } from '../audio/augmentation'
import { soxEffects } from '../audio/augmentation'
import { babbleNoise, colouredNoise, mixAtSnr, scaleToPeak } from '../audio/noise'
import { soxToFloat32 } from '../audio/sox'
import { SAMPLE_RATE, encodeWav16 } from '../audio/wav'
import { execFile } from '../util/exec'
import { createRng } from '../util/rng'
import { ttsCommand } from './engines'
import type { Prosody } from './prosody'
import type { Voice } from './voices'

export interface RenderJob {
  text: string
  voice: Voice
  prosody: Prosody
  augmentation: Augmentation
  /** Seeds the noise of this utterance. */
  noiseSeed: number
}

const MIN_SECONDS = 0.2
const BABBLE_TALKERS = [3, 6] as const

function addNoise(samples: Float32Array, job: RenderJob, babbleBank: readonly Float32Array[]): Float32Array {
  const noise = job.augmentation.noise
  if (!noise) return samples
  const rng = createRng(job.noiseSeed)
  const background = noise.kind === 'babble'
    ? babbleNoise(babbleBank, rng.int(...BABBLE_TALKERS), samples.length, rng)
    : colouredNoise(noise.kind, samples.length, rng)
  return mixAtSnr(samples, background, noise.snrDb)
}

/**
 * TTS → sox effects at 16 kHz mono → noise → peak level → 16-bit WAV written atomically at `outPath`.
 * Returns the duration in seconds. `tmpPath` is a scratch file for the engine's own output.
 */
export async function renderUtterance(job: RenderJob, outPath: string, tmpPath: string, babbleBank: readonly Float32Array[]): Promise<number> {
  if (job.augmentation.noise?.kind === 'babble' && babbleBank.length === 0) throw new Error('babble noise needs a babble bank')
  const tts = ttsCommand(job.voice, job.prosody, job.text, tmpPath)
  try {
    await execFile(tts.command, tts.args, tts.input === undefined ? {} : { input: tts.input })
    const samples = await soxToFloat32(tmpPath, soxEffects(job.augmentation))
    if (samples.length < MIN_SECONDS * SAMPLE_RATE) throw new Error(`${job.voice.id} produced ${samples.length} samples for "${job.text}"`)
    const final = scaleToPeak(addNoise(samples, job, babbleBank), job.augmentation.peakDb)
    await writeFile(`${outPath}.part`, encodeWav16(final))
    await rename(`${outPath}.part`, outPath)
    return final.length / SAMPLE_RATE
  } finally {
    await rm(tmpPath, { force: true })
  }
}
