import * as tf from '@tensorflow/tfjs'
import fc from 'fast-check'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { FUZZ_RUNS } from '../../engine/testing/fuzz-runs'
import { saveTinyModel } from '../testing/tiny-model-dir'
import { loadModelDir } from './checkpoint-files'

/**
 * Issue 9, item 3: loading a model directory (model.json parsing, config check, weight decoding) when model.json
 * or model.bin is damaged or hostile: one field of the JSON replaced or removed, the text cut short, the weights
 * cut or padded. A load must give a model or one error line, leave no tensors behind and never hang.
 */
let good: { json: Record<string, unknown>; text: string; bin: Buffer }
let dir: string

beforeAll(async () => {
  const source = mkdtempSync(join(tmpdir(), 's2s-modelfuzz-'))
  await saveTinyModel(source)
  const text = readFileSync(join(source, 'model.json'), 'utf8')
  good = { json: JSON.parse(text) as Record<string, unknown>, text, bin: readFileSync(join(source, 'model.bin')) }
  dir = mkdtempSync(join(tmpdir(), 's2s-modelfuzz-case-'))
})

/** Every path into a JSON value, e.g. ['modelTopology', 'encoder', 'units']. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix]
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i).slice(0, 3) : Object.keys(value)
  return [prefix, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))]
}

const hostile = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1e9, 2 ** 31, 1e308, 0.5, '', 'lstm', '../../../../etc/passwd', '/dev/zero', [], {}, [1e9, 1e9], ['model.bin', 'model.bin']),
  fc.jsonValue({ maxDepth: 2 })
)

/** Replaces (or with `undefined`, removes) the value at `path` in a copy of `json`. */
function withValue(json: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value
  const copy = (Array.isArray(json) ? [...json] : { ...(json as object) }) as Record<string | number, unknown>
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  copy[head] = withValue(copy[head], rest, value)
  if (copy[head] === undefined) delete copy[head]
  return copy
}

describe('model loading under damaged files (fast-check)', () => {
  it('gives a model or one error line, leaks no tensors and never hangs', async () => {
    await tf.setBackend('cpu')
    const jsonPaths = paths(good.json)
    const damagedJson = fc.oneof(
      fc.tuple(fc.constantFrom(...jsonPaths), fc.option(hostile, { nil: undefined })).map(([path, value]) => JSON.stringify(withValue(good.json, path, value)) ?? ''),
      fc.nat().map((cut) => good.text.slice(0, cut % good.text.length)),
      fc.string({ maxLength: 64 })
    )
    /** model.bin: intact (null), cut to a length, or padded with 7 bytes (-1). */
    const binLength = fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.nat(), weight: 1 }, { arbitrary: fc.constant(-1), weight: 1 })
    await fc.assert(
      fc.asyncProperty(damagedJson, binLength, async (json, length) => {
        writeFileSync(join(dir, 'model.json'), json)
        const bin = length === null ? good.bin : length < 0 ? Buffer.concat([good.bin, Buffer.alloc(7)]) : good.bin.subarray(0, length % good.bin.length)
        writeFileSync(join(dir, 'model.bin'), bin)
        const before = tf.memory().numTensors
        const outcome = await loadModelDir(dir).catch((err: Error) => err)
        if (outcome instanceof Error) expect(outcome.message).toMatch(/^[^\r\n]+$/)
        else outcome.dispose()
        expect(tf.memory().numTensors).toBe(before)
      }),
      { numRuns: FUZZ_RUNS.modelFiles, timeout: 10_000 }
    )
  })

  it('refuses weight files outside the folder and absurd sizes, before reading or building anything', async () => {
    const write = (edit: (json: { modelTopology: { encoder: { units: number } }; weightsManifest: { paths: string[] }[] }) => void): void => {
      const json = structuredClone(good.json) as Parameters<typeof edit>[0]
      edit(json)
      writeFileSync(join(dir, 'model.json'), JSON.stringify(json))
      writeFileSync(join(dir, 'model.bin'), good.bin)
    }
    write((json) => (json.weightsManifest[0]!.paths = ['../../../../dev/zero']))
    await expect(loadModelDir(dir)).rejects.toThrow('model.json has no valid weightsManifest (weight files must be plain names next to it)')
    write((json) => (json.modelTopology.encoder.units = 1e9))
    await expect(loadModelDir(dir)).rejects.toThrow('invalid model config: encoder.units is 1000000000')
  })
})
