/**
 * AudioWorklet (runs on the audio thread): forwards the first input channel to the page in 50 ms chunks (the
 * dictation push cadence, DICTATION_PUSH_FRAMES; a worklet module cannot import it),
 * with the chunk's peak level for the meter. The AudioContext runs at 16 kHz, so no resampling happens here.
 */
const CHUNK_FRAMES = 800

declare const sampleRate: number
declare function registerProcessor(name: string, ctor: unknown): void
declare class AudioWorkletProcessor {
  readonly port: MessagePort
}

class PcmCaptureProcessor extends AudioWorkletProcessor {
  #buffer = new Float32Array(CHUNK_FRAMES)
  #filled = 0

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0]
    if (!channel) return true
    let offset = 0
    while (offset < channel.length) {
      const take = Math.min(channel.length - offset, CHUNK_FRAMES - this.#filled)
      this.#buffer.set(channel.subarray(offset, offset + take), this.#filled)
      this.#filled += take
      offset += take
      if (this.#filled === CHUNK_FRAMES) {
        let peak = 0
        for (const v of this.#buffer) peak = Math.max(peak, Math.abs(v))
        this.port.postMessage({ pcm: this.#buffer, peak, sampleRate }, [this.#buffer.buffer])
        this.#buffer = new Float32Array(CHUNK_FRAMES)
        this.#filled = 0
      }
    }
    return true
  }
}

registerProcessor('pcm-capture', PcmCaptureProcessor)
