/**
 * Test speech with known word boundaries: separately synthesised words, trimmed to their voiced part and laid
 * out with chosen gaps of silence. The reference times follow from the layout, so alignment and subtitle
 * timing can be checked against them.
 */
const RATE = 16000

export interface ComposedSpeech {
  text: string
  pcm: Float32Array
  reference: { word: string; start: number; end: number }[]
}

/** Word order (indices into the word list) and the silence before each word and after the last (seconds). */
export interface WordLayout {
  order: number[]
  gaps: number[]
}

/** The voiced part of a word recording: 10 ms frames above 3% of the loudest frame's RMS. */
export function trimToVoice(pcm: Float32Array): Float32Array {
  const rms = Array.from({ length: Math.floor(pcm.length / 160) }, (_, f) => Math.sqrt(pcm.subarray(f * 160, (f + 1) * 160).reduce((s, x) => s + x * x, 0) / 160))
  const floor = 0.03 * Math.max(...rms)
  const first = rms.findIndex((r) => r > floor)
  const last = rms.findLastIndex((r) => r > floor)
  return pcm.slice(first * 160, (last + 1) * 160)
}

/** Lays out `words` (trimmed PCM, named by `names`) as `layout` says. */
export function composeWords(names: readonly string[], words: readonly Float32Array[], layout: WordLayout): ComposedSpeech {
  const parts: Float32Array[] = []
  const reference: ComposedSpeech['reference'] = []
  let at = 0
  layout.order.forEach((w, i) => {
    const gap = new Float32Array(Math.round(layout.gaps[i]! * RATE))
    parts.push(gap, words[w]!)
    at += gap.length
    reference.push({ word: names[w]!, start: at / RATE, end: (at + words[w]!.length) / RATE })
    at += words[w]!.length
  })
  parts.push(new Float32Array(Math.round(layout.gaps.at(-1)! * RATE)))
  const pcm = new Float32Array(parts.reduce((n, p) => n + p.length, 0))
  parts.reduce((offset, p) => (pcm.set(p, offset), offset + p.length), 0)
  return { text: reference.map((r) => r.word).join(' '), pcm, reference }
}
