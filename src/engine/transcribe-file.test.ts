import * as tf from '@tensorflow/tfjs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_DECODE_OPTIONS } from '../model/decoding/decode-options'
import { Seq2SeqModel } from '../model/network/seq2seq'
import { Recognizer } from '../model/recognizer'
import { tinyModelConfig } from '../model/testing/tiny-setup'
import type { EngineEvent } from '../shared/contract'
import { AudioFixtures } from './audio/testing/audio-fixtures'
import { createJobContext } from './job-context'
import { transcribeFile } from './transcribe-file'

let recognizer: Recognizer
let fixtures: AudioFixtures
let long: string

beforeAll(async () => {
  await tf.setBackend('cpu')
  recognizer = new Recognizer(Seq2SeqModel.create(tinyModelConfig()))
  fixtures = new AudioFixtures(mkdtempSync(join(tmpdir(), 's2s-transcribe-')))
  long = fixtures.repeated('long.wav', 20)
})
afterAll(() => recognizer.dispose())

const greedy = { ...DEFAULT_DECODE_OPTIONS, decoder: 'greedy' as const }

describe('streaming file transcription (tiny untrained model)', () => {
  it('streams every segment as an event, ends progress at 1, and leaves no tensors behind', async () => {
    const events: EngineEvent[] = []
    const before = tf.memory().numTensors
    const transcript = await transcribeFile(recognizer, long, greedy, createJobContext('j', new AbortController().signal, (e) => events.push(e)))
    expect(tf.memory().numTensors).toBe(before)
    const streamed = events.flatMap((e) => (e.type === 'transcript-segment' ? [e.segment] : []))
    expect(streamed).toEqual(transcript.segments)
    expect(events.filter((e) => e.type === 'progress').at(-1)).toMatchObject({ fraction: 1 })
    expect(transcript.durationSeconds).toBeCloseTo(20 * fixtures.seconds, 1)
  })

  it('stops when cancelled, without leaking tensors', async () => {
    const controller = new AbortController()
    const before = tf.memory().numTensors
    const ctx = createJobContext('j', controller.signal, (e) => e.type === 'progress' && e.fraction > 0 && controller.abort())
    await expect(transcribeFile(recognizer, long, greedy, ctx)).rejects.toThrow()
    expect(controller.signal.aborted).toBe(true)
    expect(tf.memory().numTensors).toBe(before)
  })
})
