import type { Example } from './example'
import { Random } from './random'

export interface JoinOptions {
  /** How many joined examples to make. */
  count: number
  /** Token id of the space put between the transcripts. */
  space: number
  seed: number
  /** Parts per joined example, drawn uniformly from [min, max]. */
  minParts: number
  maxParts: number
  /** A joined example stops growing before it would pass this many frames. */
  maxFrames: number
}

/**
 * Longer utterances made by joining random speech examples end to end: features in time, transcripts with a
 * space between. The corpus's sentences last about 3 s, and a speller trained only on them loses its place on
 * the 10-20 s of continuous speech that dictation and files hand it. Non-speech examples are never parts.
 * Copies the features; deterministic for a given seed and example list.
 */
export function joinedExamples(examples: readonly Example[], opts: JoinOptions): Example[] {
  const speech = examples.filter((e) => e.tokens.length > 0)
  if (speech.length < 2 || opts.count <= 0) return []
  const rng = new Random(opts.seed)
  const joined: Example[] = []
  for (let n = 0; n < opts.count; n++) {
    const want = opts.minParts + rng.int(opts.maxParts - opts.minParts + 1)
    const parts: Example[] = [speech[rng.int(speech.length)]!]
    let frames = parts[0]!.feats.frames
    while (parts.length < want) {
      const next = speech[rng.int(speech.length)]!
      if (frames + next.feats.frames > opts.maxFrames) break
      parts.push(next)
      frames += next.feats.frames
    }
    if (parts.length < 2) continue
    const dim = parts[0]!.feats.dim
    const data = new Float32Array(frames * dim)
    parts.reduce((at, p) => (data.set(p.feats.data, at), at + p.feats.data.length), 0)
    joined.push({
      id: `joined:${parts.map((p) => p.id).join('+')}`,
      feats: { frames, dim, data },
      tokens: parts.flatMap((p, i) => (i === 0 ? p.tokens : [opts.space, ...p.tokens]))
    })
  }
  return joined
}
