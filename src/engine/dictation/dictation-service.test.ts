import * as tf from '@tensorflow/tfjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_DECODE_OPTIONS } from '../../model/decoding/decode-options'
import { Seq2SeqModel } from '../../model/network/seq2seq'
import { Recognizer } from '../../model/recognizer'
import { tinyModelConfig } from '../../model/testing/tiny-setup'
import type { EngineEvent } from '../../shared/contract'
import type { DictationUpdate } from '../../shared/dictation'
import { createJobContext } from '../job-context'
import { DictationService } from './dictation-service'

let recognizer: Recognizer
beforeAll(async () => {
  await tf.setBackend('cpu')
  recognizer = new Recognizer(Seq2SeqModel.create(tinyModelConfig()))
})
afterAll(() => recognizer.dispose())

/** A session job as the engine runs it: its own abort controller and the events it emits. */
function startSession(service: DictationService) {
  const controller = new AbortController()
  const updates: DictationUpdate[] = []
  const ctx = createJobContext('job-1', controller.signal, (event: EngineEvent) => {
    if (event.type === 'dictation') updates.push(event.update)
  })
  const result = service.run(recognizer, { ...DEFAULT_DECODE_OPTIONS, decoder: 'greedy' }, ctx)
  const started = updates[0]
  if (started?.kind !== 'started') throw new Error('no started event')
  return { controller, updates, result, sessionId: started.sessionId }
}

const waitFor = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe('DictationService', () => {
  it('starts a session with an unguessable id, accepts whole frames and ends with a summary on stop', async () => {
    const service = new DictationService()
    const { sessionId, result, updates } = startSession(service)
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/)
    expect(service.push(sessionId, new Array(80 * 30).fill(-6))).toEqual({ frames: 30 })
    expect(() => service.push(sessionId, new Array(81).fill(0))).toThrow(/whole frames of 80/)
    service.stop(sessionId)
    const summary = await result
    expect(summary.seconds).toBeCloseTo(0.3, 5)
    expect(service.open).toBe(0)
    expect(() => service.push(sessionId, [])).toThrow(/No such dictation session/)
    expect(updates[0]).toMatchObject({ kind: 'started', featureDim: 80, frameSeconds: 0.01 })
  })

  it('a loud burst opens a segment: a speech event and partials arrive while pushing', async () => {
    const service = new DictationService()
    const { sessionId, updates, result } = startSession(service)
    service.push(sessionId, new Array(80 * 50).fill(-9)) // quiet room
    service.push(sessionId, new Array(80 * 60).fill(2)) // loud
    await waitFor(() => updates.some((u) => u.kind === 'partial'))
    expect(updates.some((u) => u.kind === 'speech' && u.active)).toBe(true)
    service.stop(sessionId)
    await result
    expect(updates.at(-1)).toMatchObject({ kind: 'speech', active: false })
  })

  it('cancelling the job ends the session with a cancelled error', async () => {
    const service = new DictationService()
    const { controller, result, sessionId } = startSession(service)
    controller.abort()
    await expect(result).rejects.toMatchObject({ code: 'cancelled' })
    expect(() => service.stop(sessionId)).toThrow(/No such dictation session/)
  })
})
