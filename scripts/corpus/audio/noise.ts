import type { Rng } from '../util/rng'

export type ColouredNoise = 'white' | 'pink' | 'brown'

/** Gaussian noise, shaped: pink with Paul Kellet's economy filter, brown by leaky integration. Unit-free; scale with mixAtSnr. */
export function colouredNoise(kind: ColouredNoise, length: number, rng: Rng): Float32Array {
  const out = new Float32Array(length)
  let b0 = 0
  let b1 = 0
  let b2 = 0
  let brown = 0
  for (let i = 0; i < length; i++) {
    const white = rng.gaussian()
    if (kind === 'white') {
      out[i] = white
    } else if (kind === 'pink') {
      b0 = 0.99765 * b0 + white * 0.099046
      b1 = 0.963 * b1 + white * 0.2965164
      b2 = 0.57 * b2 + white * 1.0526913
      out[i] = b0 + b1 + b2 + white * 0.1848
    } else {
      brown = 0.998 * brown + white * 0.05
      out[i] = brown
    }
  }
  return out
}

/** Several talkers from `bank`, each starting at a random offset and looping, summed. */
export function babbleNoise(bank: readonly Float32Array[], talkers: number, length: number, rng: Rng): Float32Array {
  const out = new Float32Array(length)
  for (let t = 0; t < talkers; t++) {
    const voice = rng.pick(bank)
    if (voice.length === 0) continue
    let at = rng.int(0, voice.length - 1)
    for (let i = 0; i < length; i++) {
      out[i] = (out[i] as number) + (voice[at] as number)
      at = (at + 1) % voice.length
    }
  }
  return out
}

export function rms(samples: Float32Array): number {
  let sum = 0
  for (const s of samples) sum += s * s
  return Math.sqrt(sum / Math.max(1, samples.length))
}

/** signal + noise scaled so that 20·log10(rms(signal)/rms(noise)) = snrDb (over the whole utterance). */
export function mixAtSnr(signal: Float32Array, noise: Float32Array, snrDb: number): Float32Array {
  const noiseRms = rms(noise)
  if (noiseRms === 0) return signal.slice()
  const gain = rms(signal) / noiseRms / 10 ** (snrDb / 20)
  return signal.map((s, i) => s + gain * (noise[i] ?? 0))
}

/** Scales so the absolute peak sits at peakDb dBFS (silence stays silence). */
export function scaleToPeak(samples: Float32Array, peakDb: number): Float32Array {
  let peak = 0
  for (const s of samples) peak = Math.max(peak, Math.abs(s))
  if (peak === 0) return samples.slice()
  const gain = 10 ** (peakDb / 20) / peak
  return samples.map((s) => s * gain)
}
