import libsamplerate from '@alexanderolsen/libsamplerate-js'

/** libsamplerate's sinc "fastest" converter: ~0.01 RTF here and transparent below 8 kHz, all speech needs. */
const SINC_FASTEST = 2

/**
 * Resamples mono PCM to `targetRate` with libsamplerate (WASM). Returns the input unchanged when the rates match.
 * @throws when the source rate is not a positive finite number.
 */
export async function resampleMono(pcm: Float32Array, sourceRate: number, targetRate: number): Promise<Float32Array> {
  if (!Number.isFinite(sourceRate) || sourceRate <= 0) throw new Error(`invalid sample rate ${sourceRate}`)
  if (sourceRate === targetRate || pcm.length === 0) return pcm
  const converter = await libsamplerate.create(1, sourceRate, targetRate, { converterType: SINC_FASTEST })
  try {
    return converter.full(pcm)
  } finally {
    converter.destroy()
  }
}
