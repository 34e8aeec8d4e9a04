import libsamplerate from '@alexanderolsen/libsamplerate-js'

/** libsamplerate's sinc "fastest" converter: ~0.01 RTF here and transparent below 8 kHz, all speech needs. */
const SINC_FASTEST = 2

/** Mono resampling of a stream: chunks in, chunks out, filter state carried across calls. */
export interface Resampler {
  push(pcm: Float32Array): Float32Array
  dispose(): void
}

/**
 * A streaming mono resampler (libsamplerate, WASM); the identity when the rates match. Feeding a signal in
 * chunks gives the same samples as feeding it whole.
 * @throws when the source rate is not a positive finite number.
 */
export async function createResampler(sourceRate: number, targetRate: number): Promise<Resampler> {
  if (!Number.isFinite(sourceRate) || sourceRate <= 0) throw new Error(`invalid sample rate ${sourceRate}`)
  if (sourceRate === targetRate) return { push: (pcm) => pcm, dispose: () => undefined }
  const converter = await libsamplerate.create(1, sourceRate, targetRate, { converterType: SINC_FASTEST })
  return {
    push: (pcm) => (pcm.length === 0 ? pcm : converter.full(pcm)),
    dispose: () => converter.destroy()
  }
}
