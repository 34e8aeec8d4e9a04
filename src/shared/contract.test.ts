import { describe, expect, it } from 'vitest'
import { methodParams } from './contract'

describe('engine contract: page-callable dictation methods', () => {
  const sessionId = '2f1d0a9e-5c1b-4d5e-9f3a-0123456789ab'

  it('accept decoder settings but no file path for the language model', () => {
    expect(methodParams['dictation.session'].safeParse({ decoding: { decoder: 'joint', beam: 4, lm: true } }).success).toBe(true)
    expect(methodParams['dictation.session'].safeParse({ decoding: { lmPath: '/etc/passwd' } }).success).toBe(false)
    expect(methodParams['dictation.configure'].safeParse({ sessionId, decoding: { lmPath: '/etc/passwd' } }).success).toBe(false)
  })

  it('bound feature pushes and session ids', () => {
    expect(methodParams['dictation.push'].safeParse({ sessionId, features: new Array(800).fill(-3.5) }).success).toBe(true)
    expect(methodParams['dictation.push'].safeParse({ sessionId, features: new Array(200 * 80 + 1).fill(0) }).success).toBe(false)
    expect(methodParams['dictation.push'].safeParse({ sessionId, features: [Number.NaN] }).success).toBe(false)
    expect(methodParams['dictation.push'].safeParse({ sessionId: '../../x', features: [] }).success).toBe(false)
    expect(methodParams['dictation.stop'].safeParse({ sessionId, extra: 1 }).success).toBe(false)
  })
})
