/** The TTS voices of the corpus. Ids are stable: they name files, speakers and splits. */
export type Engine = 'flite' | 'festival' | 'espeak'

export interface Voice {
  id: string
  engine: Engine
  /** The engine's own name for the voice. */
  name: string
  /** Share of training utterances relative to other voices. */
  weight: number
  /** Centre of pitch variation in Hz where the engine takes an absolute f0 target; absent where it does not. */
  f0?: number
}

/** espeak-ng's `+klatt*` variants are near-identical formant voices, so together they weigh about two voices. */
const KLATT_WEIGHT = 0.4

export const VOICES: readonly Voice[] = [
  { id: 'flite_kal16', engine: 'flite', name: 'kal16', weight: 1, f0: 95 },
  { id: 'flite_awb', engine: 'flite', name: 'awb', weight: 1, f0: 130 },
  { id: 'flite_rms', engine: 'flite', name: 'rms', weight: 1 },
  { id: 'flite_slt', engine: 'flite', name: 'slt', weight: 1, f0: 170 },
  { id: 'festival_kal', engine: 'festival', name: 'kal_diphone', weight: 1, f0: 105 },
  { id: 'festival_ked', engine: 'festival', name: 'ked_diphone', weight: 1, f0: 105 },
  { id: 'festival_slt_hts', engine: 'festival', name: 'cmu_us_slt_arctic_hts', weight: 1 },
  ...['klatt', 'klatt2', 'klatt3', 'klatt4', 'klatt5', 'klatt6'].map((v): Voice => (
    { id: `espeak_${v}`, engine: 'espeak', name: `en+${v}`, weight: KLATT_WEIGHT }
  ))
]

/**
 * Voices never heard in training. festival ked_diphone is a distinct speaker that PocketSphinx understands well;
 * flite slt stays in training because a CI test speaks a new sentence with it.
 */
export const DEFAULT_HELD_OUT_VOICES: readonly string[] = ['festival_ked']

export const ENGINE_LICENCES: Readonly<Record<Engine, string>> = {
  flite: 'CMU Flite 2.2 and its voices (BSD-style licence, Carnegie Mellon University)',
  festival: 'Festival 2.5 with festvox kal/ked diphone voices (free licence, CSTR Edinburgh / CMU) and cmu_us_slt_arctic_hts (BSD-style)',
  espeak: 'eSpeak NG (GPL-3+)'
}

export function voiceById(id: string): Voice {
  const voice = VOICES.find((v) => v.id === id)
  if (!voice) throw new Error(`unknown voice "${id}" (known: ${VOICES.map((v) => v.id).join(', ')})`)
  return voice
}
