import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { isPocketSphinxAvailable, parseHyp, runPocketSphinx } from './pocketsphinx'
import { wordErrorRate } from '../model/decoding/metrics'

describe('parseHyp', () => {
  it('reads "words (id score)" lines, empty hypotheses included', () => {
    const hyps = parseHyp('OPEN the file (u0 -1234)\n (u1 -5)\nmr. smith at 5 a.m. (u2 -9)\n')
    expect([...hyps]).toEqual([['u0', 'open the file'], ['u1', ''], ['u2', 'mister smith at five a m']])
  })
})

describe.skipIf(!(await isPocketSphinxAvailable()))('runPocketSphinx', () => {
  it('recognises a flite sentence from a file and silence from samples', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'peer-'))
    try {
      const wav = join(dir, 'a.wav')
      const text = 'please open the file and send it to my manager tomorrow morning'
      await promisify(execFile)('flite', ['-voice', 'rms', '-t', text, '-o', wav])
      const { hyps, seconds } = await runPocketSphinx([{ id: 'spoken/1', audio: wav }, { id: 'quiet', audio: new Float32Array(8000) }])
      expect(wordErrorRate([[text, hyps.get('spoken/1') ?? '']]).rate).toBeLessThanOrEqual(0.2)
      expect(hyps.get('quiet')).toBe('')
      expect(seconds).toBeGreaterThan(0)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
