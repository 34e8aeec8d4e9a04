/** Float samples in [-1, 1] as base64 16-bit little-endian PCM (what recordings.save takes). */
export function pcmToBase64(pcm: Float32Array): string {
  const bytes = new Uint8Array(pcm.length * 2)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < pcm.length; i++) {
    const s = Math.max(-1, Math.min(1, pcm[i]!))
    view.setInt16(2 * i, Math.round(s < 0 ? s * 0x8000 : s * 0x7fff), true)
  }
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Concatenates captured chunks into one buffer. */
export function concatPcm(chunks: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(chunks.reduce((n, c) => n + c.length, 0))
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0)
  return out
}

/** Plays a base64 WAV (a stored recording) through the default output; resolves when it has played. */
export async function playWav(base64: string): Promise<void> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const context = new AudioContext()
  try {
    const buffer = await context.decodeAudioData(bytes.buffer)
    const source = context.createBufferSource()
    source.buffer = buffer
    source.connect(context.destination)
    await new Promise<void>((resolve) => {
      source.onended = () => resolve()
      source.start()
    })
  } finally {
    await context.close()
  }
}
