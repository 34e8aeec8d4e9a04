/**
 * Per-frame energy in natural-log units from log-mel frames: log of the summed mel power (logsumexp of the
 * bands). Works on raw (not CMVN-normalised) log-mel so the VAD sees true loudness.
 * @param logMel row-major [frames, dim] log-mel values
 * @returns Float32Array [frames]
 */
export function frameEnergies(logMel: Float32Array, dim: number): Float32Array {
  const frames = Math.floor(logMel.length / dim)
  const out = new Float32Array(frames)
  for (let t = 0; t < frames; t++) {
    let max = -Infinity
    for (let d = 0; d < dim; d++) max = Math.max(max, logMel[t * dim + d]!)
    let sum = 0
    for (let d = 0; d < dim; d++) sum += Math.exp(logMel[t * dim + d]! - max)
    out[t] = max + Math.log(sum)
  }
  return out
}
