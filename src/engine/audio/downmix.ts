/** Averages any number of channels into one. A single channel is returned as is. */
export function downmix(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!
  const length = Math.min(...channels.map((c) => c.length))
  const mono = new Float32Array(length)
  for (const channel of channels) for (let i = 0; i < length; i++) mono[i]! += channel[i]!
  for (let i = 0; i < length; i++) mono[i]! /= channels.length
  return mono
}
