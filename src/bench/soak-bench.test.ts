import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { saveTinyModel } from '../node/testing/tiny-model-dir'
import { runSoakBench } from './soak-bench'

it('soak bench (smoke: 2 minutes, tiny model) reports tensors, RSS and handles during and after the session', async () => {
  const dir = mkdtempSync(join(tmpdir(), 's2s-soak-'))
  await saveTinyModel(join(dir, 'model'))
  const lines: string[] = []
  const { start, end } = await runSoakBench({ modelDir: join(dir, 'model'), decoding: { decoder: 'greedy' }, minutes: 2, log: (line) => lines.push(line) })
  expect(lines.filter((l) => /^ {2}at +\d+\.\d min: tensors \d+, RSS [\d.]+ MB, heap [\d.]+ MB, handles \d+$/.test(l))).toHaveLength(2)
  expect(lines.at(-2)).toMatch(/^ {2}session closed: tensors \d+/)
  expect(lines.at(-1)).toMatch(/^soak: 2\.0 min replayed in \d+ s; tensors \d+ → \d+, handles \d+ → \d+ \(warm-up → session closed\), RSS .* \([+-][\d.]+%; goal: /)
  expect(end.tensors).toBe(start.tensors)
  expect(end.handles).toBeGreaterThan(0)
}, 300_000)
