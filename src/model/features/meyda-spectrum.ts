import Meyda from 'meyda'

/**
 * Power spectrum of one already-windowed, zero-padded frame through Meyda's pure extractor.
 * Meyda keeps its parameters on a shared mutable object; this wrapper sets exactly what it needs for the
 * call and restores the previous values afterwards, so no setting leaks to other Meyda users.
 * @param frame windowed samples, length = fftSize (a power of two)
 * @returns power spectrum, length fftSize / 2 (a fresh array owned by the caller)
 */
export function meydaPowerSpectrum(frame: Float32Array, sampleRate: number): Float32Array {
  const saved = { bufferSize: Meyda.bufferSize, sampleRate: Meyda.sampleRate, windowingFunction: Meyda.windowingFunction }
  try {
    Meyda.bufferSize = frame.length
    Meyda.sampleRate = sampleRate
    Meyda.windowingFunction = 'rect' // the frame is windowed before zero-padding, see log-mel.ts
    return Meyda.extract('powerSpectrum', frame) as unknown as Float32Array
  } finally {
    Object.assign(Meyda, saved)
  }
}

/** Meyda's Hann window of `length` samples (symmetric, as Meyda defines it). */
export function meydaHannWindow(length: number): Float32Array {
  return Float32Array.from(Meyda.windowing(new Float32Array(length).fill(1), 'hanning') as ArrayLike<number>)
}
