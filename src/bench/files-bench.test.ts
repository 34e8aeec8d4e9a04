import { describe, expect, it } from 'vitest'
import { runFilesBench } from './files-bench'

describe('files bench (smoke: one round of sentences, no peer)', () => {
  it('times the engine on a speech file and measures its peak memory on a longer one', async () => {
    const lines: string[] = []
    const result = await runFilesBench({ minutes: 0.1, hours: 0.05, withPeer: false, decoding: { decoder: 'greedy' }, log: (line) => lines.push(line) })
    expect(result.rtf).toBeGreaterThan(0)
    expect(lines[0]).toMatch(/^files bench: 1:\d\d of flite speech/)
    expect(lines).toContainEqual(expect.stringMatching(/^RTF s2s [\d.]+ \(PocketSphinx skipped\)$/))
    expect(lines.at(-1)).toMatch(/^peak RSS (\d+|n\/a) MB over a [\d:]+ file/)
  })
})
