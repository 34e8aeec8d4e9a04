import type { ModelConfig } from '../config'

type Check = (value: unknown) => boolean

const int = (min: number, max: number): Check => (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max
const num = (min: number, max: number): Check => (v) => typeof v === 'number' && v >= min && v <= max
const oneOf = (...values: unknown[]): Check => (v) => values.includes(v)
const bool: Check = (v) => typeof v === 'boolean'
const numbers = (check: Check): Check => (v) => Array.isArray(v) && v.length <= 1024 && v.every(check)

/**
 * Type and range of every field a model.json carries. The ranges leave room for experiments (the size budget is
 * 25 MB, about 6 M parameters; these allow some 50 M) but keep a damaged or hostile file from making the loader
 * build a model of gigabytes.
 */
const FIELDS: Record<string, Check> = {
  'features.sampleRate': int(8000, 48_000),
  'features.windowSamples': int(16, 8192),
  'features.hopSamples': int(1, 8192),
  'features.fftSize': (v) => int(16, 8192)(v) && ((v as number) & ((v as number) - 1)) === 0,
  'features.melBands': int(1, 128),
  'features.fMin': num(0, 24_000),
  'features.fMax': num(1, 24_000),
  'features.logFloor': num(1e-12, 1),
  'encoder.cell': oneOf('lstm', 'gru'),
  'encoder.peepholes': bool,
  'encoder.stack': int(1, 8),
  'encoder.layers': int(1, 6),
  'encoder.units': int(1, 512),
  'encoder.pyramidAfter': numbers(int(0, 5)),
  'attention.type': oneOf('dot', 'general', 'additive', 'location'),
  'attention.dim': int(1, 512),
  'attention.locFilters': int(1, 64),
  'attention.locKernel': int(1, 255),
  'decoder.units': int(1, 1024),
  'decoder.embedDim': int(1, 512),
  'decoder.peepholes': bool,
  tokens: (v) => Array.isArray(v) && v.length >= 2 && v.length <= 1000 && v.every((t) => typeof t === 'string' && t.length <= 16),
  ctcWeight: num(0, 1),
  seed: num(-(2 ** 53), 2 ** 53),
  inputLevel: (v) => v === undefined || v === null || (typeof v === 'object' && num(-100, 100)((v as { target?: unknown }).target)),
  cmvn: (v) => v === null || (typeof v === 'object' && numbers(num(-1e6, 1e6))((v as { mean?: unknown }).mean) && numbers(num(1e-12, 1e6))((v as { std?: unknown }).std))
}

/**
 * Checks the type and range of every field of a config read from a file, before anything is built from it.
 * @throws Error "invalid model config: <field> …" (one line) for the first bad field
 */
export function checkConfigFields(raw: unknown): asserts raw is ModelConfig {
  for (const [path, check] of Object.entries(FIELDS)) {
    const value = path.split('.').reduce<unknown>((at, key) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined), raw)
    if (!check(value)) throw new Error(`invalid model config: ${path} is ${JSON.stringify(value)?.slice(0, 40) ?? 'missing'}`)
  }
}
