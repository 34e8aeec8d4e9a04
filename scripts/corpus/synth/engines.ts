import type { Prosody } from './prosody'
import type { Voice } from './voices'

export interface Command {
  command: string
  args: string[]
  input?: string
}

const ESPEAK_WPM = 175
const ESPEAK_PITCH = 50
const SEMITONES_PER_OCTAVE = 12

/** flite: rate through duration_stretch, pitch through the f0 target (clustergen and diphone voices that honour it). */
function flite(voice: Voice, p: Prosody, text: string, wav: string): Command {
  const pitch = voice.f0 === undefined ? [] : ['--setf', `int_f0_target_mean=${(voice.f0 * p.pitch).toFixed(1)}`]
  return { command: 'flite', args: ['-voice', voice.name, '--setf', `duration_stretch=${(1 / p.rate).toFixed(3)}`, ...pitch, '-t', text, '-o', wav] }
}

/** festival: diphone voices take Duration_Stretch and an f0 target; the HTS voice takes hts_engine's -r (speed) and -fm (semitones). */
function festival(voice: Voice, p: Prosody, text: string, wav: string): Command {
  const setup = voice.name.endsWith('_hts') || voice.f0 === undefined
    ? `(set! hts_engine_params (append hts_engine_params (list (list "-r" ${p.rate.toFixed(3)}) (list "-fm" ${(SEMITONES_PER_OCTAVE * Math.log2(p.pitch)).toFixed(2)}))))`
    : `(begin (Parameter.set 'Duration_Stretch ${(1 / p.rate).toFixed(3)}) (set! int_lr_params '((target_f0_mean ${(voice.f0 * p.pitch).toFixed(1)}) (target_f0_std 14) (model_f0_mean 170) (model_f0_std 34))))`
  return { command: 'text2wave', args: ['-eval', `(voice_${voice.name})`, '-eval', setup, '-o', wav], input: `${text}\n` }
}

/** espeak-ng: words per minute, pitch 0-99, word gap in 10 ms units. */
function espeak(voice: Voice, p: Prosody, text: string, wav: string): Command {
  const pitch = Math.round(Math.max(0, Math.min(99, ESPEAK_PITCH + (p.pitch - 1) * 200)))
  return { command: 'espeak-ng', args: ['-v', voice.name, '-s', String(Math.round(ESPEAK_WPM * p.rate)), '-p', String(pitch), '-g', String(p.wordGap), '-w', wav, text] }
}

const ENGINES = { flite, festival, espeak } as const

/** The command that makes `voice` speak `text` into `wav` (at the engine's own sample rate). */
export function ttsCommand(voice: Voice, prosody: Prosody, text: string, wav: string): Command {
  return ENGINES[voice.engine](voice, prosody, text, wav)
}
