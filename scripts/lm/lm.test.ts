import { describe, expect, it } from 'vitest'
import { isHeldOutSentence } from '../corpus/splits'
import { buildLm } from './build-lm'
import { lmTrainingSentences } from './lm-text'

describe('LM training text', () => {
  const candidates = Array.from({ length: 400 }, (_, i) => `call the number ${i} please`)
  const heldOut = candidates.filter(isHeldOutSentence)

  it('drops every sentence the corpus holds out (by rule or by list) and duplicates', () => {
    expect(heldOut.length).toBeGreaterThan(3) // the rule holds out about 3%
    const listed = new Set([candidates[0]!])
    const kept = lmTrainingSentences([...candidates, ...candidates], listed).map((words) => words.join(' '))
    expect(kept).toEqual(candidates.filter((s) => !isHeldOutSentence(s) && !listed.has(s)))
  })

  it('builds a pruned ARPA model from the corpus sources within its size budget', async () => {
    const lines: string[] = []
    const { lm, arpa, sentences } = await buildLm({ seed: 1, sentences: 1500, order: 3, maxBytes: 2 ** 18 }, (l) => lines.push(l))
    expect(sentences).toBeGreaterThan(500)
    expect(arpa.length).toBeLessThanOrEqual(2 ** 18)
    expect(lm.order).toBe(3)
    expect(lines[0]).toMatch(/held-out sentences excluded/)
  })
})
