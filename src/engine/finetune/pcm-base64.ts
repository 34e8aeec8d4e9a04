/** 16-bit little-endian PCM (base64, as pages send recordings) to float samples in [-1, 1). */
export function pcmFromBase64(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64')
  const samples = new Float32Array(Math.floor(bytes.length / 2))
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(2 * i) / 0x8000
  return samples
}
