import { UsageError } from './command'

/** A positive-integer flag's value (undefined when absent). @throws UsageError naming the flag */
export function positiveIntFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got "${value}"`)
  return n
}

/** A number flag's value (undefined when absent). @throws UsageError naming the flag */
export function numberFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${flag} must be a number, got "${value}"`)
  return n
}
