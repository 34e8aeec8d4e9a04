import { createResampler } from '../../engine/audio/resample'
import { MODEL_SAMPLE_RATE } from '../../engine/audio/decode-audio'
import type { Utterance } from './training-data'

/**
 * Speed perturbation (Ko et al. 2015, Kaldi's `sox speed`): each utterance again at each factor in `speeds`,
 * resampled so it plays `factor` times faster with its pitch raised alike (0.9: 11% longer and lower). The
 * originals come first, then one copy per factor; a factor of 1 adds nothing.
 */
export async function withSpeedCopies(utterances: readonly Utterance[], speeds: readonly number[]): Promise<Utterance[]> {
  const copies: Utterance[] = [...utterances]
  for (const speed of speeds.filter((s) => s !== 1)) {
    for (const u of utterances) copies.push({ name: `${u.name}@${speed}`, text: u.text, pcm: await playedAt(speed, u.pcm) })
  }
  return copies
}

/** `pcm` read as if recorded at `speed` x the model rate, converted back to the model rate (a fresh filter each). */
async function playedAt(speed: number, pcm: Float32Array): Promise<Float32Array> {
  const resampler = await createResampler(Math.round(MODEL_SAMPLE_RATE * speed), MODEL_SAMPLE_RATE)
  try {
    return resampler.push(pcm)
  } finally {
    resampler.dispose()
  }
}
