import { hashFraction } from './util/hash'

/**
 * The rules that keep the splits honest. They depend only on the text or speaker id (not on the seed), so the
 * LM builder and any later tool can apply the same rule to text the corpus never saw.
 */
export const HELD_OUT_SENTENCE_FRACTION = 0.03
export const SPEECH_COMMANDS_HELD_OUT_FRACTION = 0.15
export const FSDD_HELD_OUT_SPEAKER = 'theo'
/** Real-speech folders that must never enter the base corpus (LJSpeech is the fine-tuning benchmark). */
export const RESERVED_SPEECH = ['ljspeech']

/** A normalised sentence is held out (dev only, never trained on, excluded from LMs) when its hash falls in the first 3%. */
export function isHeldOutSentence(normalised: string): boolean {
  return hashFraction(`sentence:${normalised}`) < HELD_OUT_SENTENCE_FRACTION
}

/** About 15% of Speech Commands speakers, chosen by hash of the speaker id. */
export function isHeldOutSpeechCommandsSpeaker(speaker: string): boolean {
  return hashFraction(`speech_commands:${speaker}`) < SPEECH_COMMANDS_HELD_OUT_FRACTION
}

export function isReservedSpeechPath(path: string): boolean {
  return RESERVED_SPEECH.some((name) => path.toLowerCase().includes(name))
}
