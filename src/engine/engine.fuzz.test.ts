import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decoderSettingsSchema, methodParams, type Method } from '../shared/contract'
import type { ErrorCode } from '../shared/errors'
import type { ServerMessage } from '../shared/protocol'
import { Engine } from './engine'
import type { MethodHandlers } from './methods'
import { FUZZ_RUNS } from './testing/fuzz-runs'

/**
 * Issue 9, item 3: the contract validator at the engine boundary (envelope schema, methodParams, dispatch) under
 * arbitrary messages. Handlers are stubs, so every case costs microseconds; what is checked is that nothing
 * throws, each call gets exactly one one-line answer with its own id, and only schema-valid params reach a handler.
 */
const methods = Object.keys(methodParams) as Method[]
const paramKeys = [...new Set([...methods.flatMap((m) => Object.keys(methodParams[m].shape)), ...Object.keys(decoderSettingsSchema.shape)])]
const codes: ErrorCode[] = ['bad-request', 'unknown-method', 'unauthorized', 'cancelled', 'bad-input', 'not-found', 'engine-unavailable', 'internal']

const odd = fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, 2 ** 53 + 1, '', '\u0000', '../../etc/passwd', 'a'.repeat(5000), '__proto__', [], {})
const value = fc.oneof(fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true }), odd, fc.array(fc.double(), { maxLength: 20 }))
const params = fc.oneof(fc.anything({ maxDepth: 2 }), fc.dictionary(fc.constantFrom(...paramKeys), fc.oneof(value, fc.dictionary(fc.constantFrom(...paramKeys), value)), { maxKeys: 5 }))
/** Values a real caller would send (enums, ids, small numbers), so that many calls pass the schema. */
const plausible = fc.oneof(
  fc.constantFrom('greedy', 'beam', 'joint', 'speller', true, false, 0, 1, 4, 0.5, 'a.wav', 'AAAA', 'bundled', 'ft-abcd', 'rec-abcd', '2f1d0a9e-5c1b-4d5e-9f3a-0123456789ab', 'sess-0123456789'),
  fc.integer({ min: -2, max: 100 }),
  fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 8 })
)
/** A call to a real method whose params use that method's own keys (and those of decoder settings). */
const nearValidCall = fc.constantFrom(...methods).chain((method) => {
  const keys = [...Object.keys(methodParams[method].shape), 'decoder', 'beam']
  const field = fc.oneof(plausible, plausible, value)
  const decoding = fc.dictionary(fc.constantFrom(...Object.keys(decoderSettingsSchema.shape)), field, { maxKeys: 3 })
  return fc.record({
    kind: fc.constant('call'),
    id: fc.string({ minLength: 1, maxLength: 64 }),
    method: fc.constant(method),
    params: fc.dictionary(fc.constantFrom(...keys), fc.oneof(field, decoding), { maxKeys: keys.length })
  })
})
const message = fc.oneof(
  nearValidCall,
  nearValidCall,
  fc.anything({ maxDepth: 3, withNullPrototype: true }),
  fc.record(
    {
      kind: fc.constantFrom('call', 'cancel', 'result', 'CALL'),
      id: fc.oneof(fc.string({ maxLength: 70 }), value),
      method: fc.oneof(fc.constantFrom(...methods), fc.string({ maxLength: 70 }), value),
      params
    },
    { requiredKeys: ['kind'] }
  )
)

/** An engine whose handlers only record that they ran; each handler re-checks its params against the schema. */
function stubEngine(): { engine: Engine; replies: ServerMessage[]; handled: Method[] } {
  const replies: ServerMessage[] = []
  const handled: Method[] = []
  const handlers = Object.fromEntries(
    methods.map((m) => [m, async (p: unknown) => (methodParams[m].parse(p), handled.push(m), { ok: true })])
  ) as unknown as MethodHandlers
  return { engine: new Engine(handlers, (reply) => replies.push(reply)), replies, handled }
}

describe('contract validator under arbitrary messages (fast-check)', () => {
  it('answers every call exactly once, in one line, and lets only valid params through', async () => {
    await fc.assert(
      fc.asyncProperty(message, async (raw) => {
        const { engine, replies, handled } = stubEngine()
        engine.handle(raw)
        await new Promise((resolve) => setImmediate(resolve))
        const isCall = typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === 'call'
        const isCancel = !isCall && typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === 'cancel' && replies.length === 0
        expect(replies.length).toBe(isCancel ? 0 : 1)
        expect(engine.runningJobs).toBe(0)
        for (const reply of replies) {
          if (reply.kind === 'error') {
            expect(codes).toContain(reply.error.code)
            expect(reply.error.message).not.toMatch(/[\r\n]/)
          } else {
            expect(reply.kind).toBe('result')
            expect(handled).toHaveLength(1)
          }
          if (reply.kind !== 'event' && reply.id !== null) expect(reply.id).toBe((raw as { id: string }).id.slice(0, 64))
        }
      }),
      { numRuns: FUZZ_RUNS.contract }
    )
  })
})
