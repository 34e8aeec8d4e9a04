import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DecodingOptionsResolver } from './decoding-options'

describe('DecodingOptionsResolver', () => {
  const saved = process.env.S2S_RESOURCES
  afterEach(() => {
    if (saved === undefined) delete process.env.S2S_RESOURCES
    else process.env.S2S_RESOURCES = saved
  })

  it('fuses the bundled LM unless the settings turn it off', async () => {
    const resolver = new DecodingOptionsResolver()
    const byDefault = await resolver.resolve({})
    expect(byDefault.lm?.entries.length).toBe(3)
    expect((await resolver.resolve({ lm: false })).lm).toBeUndefined()
    expect((await resolver.resolve({ lm: true })).lm).toBe(byDefault.lm) // parsed once per engine
  })

  it('reads without an LM by default where the resources hold none, but names the missing file when one is asked for', async () => {
    process.env.S2S_RESOURCES = mkdtempSync(join(tmpdir(), 's2s-no-lm-'))
    const resolver = new DecodingOptionsResolver()
    expect((await resolver.resolve({})).lm).toBeUndefined()
    await expect(resolver.resolve({ lm: true })).rejects.toThrow(/^language model .*en-3gram\.arpa: no such file$/)
  })
})
