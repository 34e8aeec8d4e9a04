import { parseArgs } from 'node:util'
import { DEFAULT_HELD_OUT_VOICES, VOICES, voiceById, type Voice } from './synth/voices'

export interface CorpusOptions {
  out: string
  speechDir: string
  seed: number
  sentences: number
  devSentences: number
  /** Rows per real-speech split; Infinity = all. */
  realLimit: number
  jobs: number
  augmentFraction: number
  babbleBank: number
  /** Non-speech training clips (empty transcripts); dev gets `devNonSpeech`. */
  nonSpeech: number
  devNonSpeech: number
  trainVoices: Voice[]
  heldOutVoices: Voice[]
}

export const USAGE = `usage: npm run corpus -- --out DIR [options]
  --out DIR             corpus directory (manifests, corpus.json, synth/ audio)
  --speech-dir DIR      shared real speech (default ../shared/data/speech)
  --seed N              everything random follows from it (default 1)
  --sentences N         synthetic training sentences (default 6000)
  --dev-sentences N     held-out sentences in each synthetic dev manifest (default 300)
  --real N|all          rows per real-speech split, first N in manifest order (default all)
  --jobs N              parallel synthesis processes, 1-2 (default 2)
  --augment F           share of training utterances augmented, 0-1 (default 0.6)
  --babble-bank N       clean utterances used as babble talkers (default 32)
  --non-speech N        noise/hum/click clips with empty transcripts in train.tsv (default 600)
  --dev-non-speech N    such clips in dev_nonspeech.tsv (default 60)
  --heldout-voice ID    voice kept out of training, repeatable (default ${DEFAULT_HELD_OUT_VOICES.join(', ')})
  voices: ${VOICES.map((v) => v.id).join(', ')}`

export class UsageError extends Error {}

function count(name: string, value: string | undefined, fallback: number, max = Infinity): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(`--${name} must be an integer in 0..${max}, got "${value}"`)
  return n
}

export function parseOptions(argv: readonly string[]): CorpusOptions | 'help' {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        out: { type: 'string' },
        'speech-dir': { type: 'string', default: '../shared/data/speech' },
        seed: { type: 'string' },
        sentences: { type: 'string' },
        'dev-sentences': { type: 'string' },
        real: { type: 'string' },
        jobs: { type: 'string' },
        augment: { type: 'string' },
        'babble-bank': { type: 'string' },
        'non-speech': { type: 'string' },
        'dev-non-speech': { type: 'string' },
        'heldout-voice': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' }
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (parsed.help) return 'help'
  if (!parsed.out) throw new UsageError('--out is required')
  const augmentFraction = parsed.augment === undefined ? 0.6 : Number(parsed.augment)
  if (!(augmentFraction >= 0 && augmentFraction <= 1)) throw new UsageError(`--augment must be in 0..1, got "${parsed.augment}"`)
  let heldOutVoices: Voice[]
  try {
    heldOutVoices = (parsed['heldout-voice'] ?? DEFAULT_HELD_OUT_VOICES).map(voiceById)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const trainVoices = VOICES.filter((v) => !heldOutVoices.includes(v))
  if (trainVoices.length === 0 || heldOutVoices.length === 0) throw new UsageError('need at least one training and one held-out voice')
  const babbleBank = count('babble-bank', parsed['babble-bank'], 32)
  if (augmentFraction > 0 && babbleBank === 0) throw new UsageError('--babble-bank must be at least 1 when --augment > 0')
  return {
    out: parsed.out,
    speechDir: parsed['speech-dir'] as string,
    seed: count('seed', parsed.seed, 1, 2 ** 32 - 1),
    sentences: count('sentences', parsed.sentences, 6000),
    devSentences: count('dev-sentences', parsed['dev-sentences'], 300),
    realLimit: parsed.real === undefined || parsed.real === 'all' ? Infinity : count('real', parsed.real, 0),
    jobs: count('jobs', parsed.jobs, 2, 2) || 1,
    augmentFraction,
    babbleBank,
    nonSpeech: count('non-speech', parsed['non-speech'], 600),
    devNonSpeech: count('dev-non-speech', parsed['dev-non-speech'], 60),
    trainVoices,
    heldOutVoices
  }
}
