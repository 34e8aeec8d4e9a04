import { CLEAN, sampleAugmentation } from './audio/augmentation'
import { NEUTRAL_PROSODY, sampleProsody } from './synth/prosody'
import type { RenderJob } from './synth/render'
import type { Voice } from './synth/voices'
import type { Sentence, TextPool } from './text-pool'
import { shortHash, stableHash } from './util/hash'
import { createRng, type Rng } from './util/rng'

export type SynthSplit = 'train' | 'dev_synth' | 'dev_synth_heldout_voice' | 'babble'

export interface PlannedUtterance extends RenderJob {
  split: SynthSplit
  sentence: Sentence
  /** Relative to the corpus directory; names the content, so a resumed run reuses only identical files. */
  relPath: string
}

export interface PlanOptions {
  seed: number
  /** Share of training utterances that get sampled augmentation (the rest are clean). */
  augmentFraction: number
  trainVoices: readonly Voice[]
  heldOutVoices: readonly Voice[]
  /** Clean training utterances kept as babble-noise talkers. */
  babbleBank: number
}

export interface Plan {
  babble: PlannedUtterance[]
  utterances: PlannedUtterance[]
}

function weightedVoice(voices: readonly Voice[], rng: Rng): Voice {
  let x = rng.uniform(0, voices.reduce((sum, v) => sum + v.weight, 0))
  for (const voice of voices) {
    x -= voice.weight
    if (x < 0) return voice
  }
  return voices[voices.length - 1] as Voice
}

function planned(split: SynthSplit, index: number, seed: number, job: Omit<RenderJob, 'noiseSeed'>, sentence: Sentence): PlannedUtterance {
  const key = shortHash(JSON.stringify([job.text, job.voice.id, job.prosody, job.augmentation, seed]))
  const relPath = `synth/${split}/${String(index).padStart(6, '0')}-${job.voice.id}-${key}.wav`
  return { ...job, split, sentence, relPath, noiseSeed: stableHash(relPath) }
}

/**
 * Training sentences: a weighted-random training voice, sampled prosody, augmentation for `augmentFraction` of them.
 * Dev sentences: neutral prosody, clean; once with a training voice (dev_synth) and once with a held-out voice.
 */
export function planSynthetic(pool: TextPool, o: PlanOptions): Plan {
  const rng = (split: SynthSplit): Rng => createRng(o.seed ^ stableHash(`plan:${split}`))
  const trainRng = rng('train')
  const utterances = pool.train.map((s, i) => planned('train', i, o.seed, {
    text: s.text,
    voice: weightedVoice(o.trainVoices, trainRng),
    prosody: sampleProsody(trainRng),
    augmentation: trainRng.chance(o.augmentFraction) ? sampleAugmentation(trainRng) : CLEAN
  }, s))
  const devRng = rng('dev_synth')
  const clean = { prosody: NEUTRAL_PROSODY, augmentation: CLEAN }
  for (const [i, s] of pool.dev.entries()) {
    utterances.push(planned('dev_synth', i, o.seed, { text: s.text, voice: weightedVoice(o.trainVoices, devRng), ...clean }, s))
  }
  for (const [i, s] of pool.dev.entries()) {
    const voice = o.heldOutVoices[i % o.heldOutVoices.length] as Voice
    utterances.push(planned('dev_synth_heldout_voice', i, o.seed, { text: s.text, voice, ...clean }, s))
  }
  const babbleRng = rng('babble')
  const babble = pool.train.slice(Math.max(0, pool.train.length - o.babbleBank)).map((s, i) => planned('babble', i, o.seed, { text: s.text, voice: weightedVoice(o.trainVoices, babbleRng), ...clean }, s))
  return { babble, utterances }
}
