import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_DECODE_OPTIONS } from '../model/decoding/decode-options'
import { overfitTinyModel } from '../model/decoding/testing/overfit'
import { registerProjectKernels } from '../model/kernels/register'
import type { Seq2SeqModel } from '../model/network/seq2seq'
import { Recognizer } from '../model/recognizer'
import { composeWords, trimToVoice, type ComposedSpeech } from '../model/testing/composed-speech'
import { synthesize } from '../node/tts'
import { encodeWav16 } from '../node/wav'
import { formatTranscript, parseSubtitles } from '../shared/transcript-format'
import { createJobContext } from './job-context'
import { transcribeFile } from './transcribe-file'

/**
 * Issue 7, acceptance 4: subtitle timestamps land within 150 ms of the words' boundaries. The reference is
 * the layout itself: words synthesised one by one with flite, trimmed to their voiced frames (3% of peak
 * RMS) and placed at known times with pauses long enough for the VAD to cut between them. A tiny model
 * overfitted on the words (each alone, with three paddings of silence) transcribes the file through the same pipeline
 * as the app (VAD segments → decoding → CTC word times); its SRT and VTT exports are parsed back.
 */
const WORDS = ['green', 'apple', 'seven', 'door', 'music', 'left']
let model: Seq2SeqModel
let file: ComposedSpeech
let path: string

beforeAll(async () => {
  await tf.setBackend('wasm')
  registerProjectKernels()
  const words = (await synthesize(WORDS)).map((u) => trimToVoice(u.pcm))
  const alone = [[0.15, 0.2], [0.25, 0.3], [0.4, 0.5]].flatMap((gaps) => WORDS.map((_, w) => composeWords(WORDS, words, { order: [w], gaps })))
  ;({ model } = await overfitTinyModel(alone, 0.02))
  file = composeWords(WORDS, words, { order: [3, 0, 5, 2, 4, 1], gaps: [0.6, 0.9, 1.1, 0.8, 1.0, 0.9, 0.7] })
  path = join(mkdtempSync(join(tmpdir(), 's2s-subtitles-')), 'words.wav')
  writeFileSync(path, encodeWav16(file.pcm, 16000))
})
afterAll(() => model.dispose())

describe('subtitle timing of a file with known word boundaries', () => {
  it.each(['srt', 'vtt'] as const)('%s cues start and end within 150 ms of each word', async (format) => {
    const transcript = await transcribeFile(new Recognizer(model), path, { ...DEFAULT_DECODE_OPTIONS, decoder: 'greedy' }, createJobContext('j', new AbortController().signal, () => undefined))
    const cues = parseSubtitles(formatTranscript(transcript, format))
    expect(cues.map((c) => c.text)).toEqual(file.reference.map((r) => r.word))
    cues.forEach((cue, i) => {
      expect(Math.abs(cue.start - file.reference[i]!.start), `${cue.text} start`).toBeLessThanOrEqual(0.15)
      expect(Math.abs(cue.end - file.reference[i]!.end), `${cue.text} end`).toBeLessThanOrEqual(0.15)
    })
  })
})
