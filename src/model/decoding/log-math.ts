/**
 * log(e^a + e^b), exact at -Infinity. When the terms are more than 37 nats apart the smaller adds under 1e-16,
 * less than the larger's rounding, so the larger is returned without exp/log (most pairs of the CTC recursion).
 */
export function logAddExp(a: number, b: number): number {
  const hi = a > b ? a : b
  const d = (a > b ? b : a) - hi // NaN when both are -Infinity
  return d > -37 ? hi + Math.log1p(Math.exp(d)) : hi
}

/** Log-softmax of each row of a row-major [rows, width] matrix, in place. */
export function logSoftmaxRows(values: Float32Array, width: number): Float32Array {
  for (let at = 0; at < values.length; at += width) {
    let max = -Infinity
    for (let i = at; i < at + width; i++) max = Math.max(max, values[i]!)
    let sum = 0
    for (let i = at; i < at + width; i++) sum += Math.exp(values[i]! - max)
    const logZ = max + Math.log(sum)
    for (let i = at; i < at + width; i++) values[i]! -= logZ
  }
  return values
}
