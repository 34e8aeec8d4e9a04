/** Special token ids. pad fills target tails, sos starts decoding, eos ends it, blank is the CTC blank. */
export const PAD_ID = 0
export const BLANK_ID = 1
export const SOS_ID = 2
export const EOS_ID = 3

/** Token strings by id: 4 specials, then space, apostrophe and a-z (32 tokens). */
export const DEFAULT_TOKENS: readonly string[] = Object.freeze([
  '<pad>', '<blank>', '<sos>', '<eos>', ' ', "'", ...'abcdefghijklmnopqrstuvwxyz'
])

/** Character vocabulary: maps normalised text to token ids and back. */
export class Vocabulary {
  private readonly ids: Map<string, number>

  constructor(readonly tokens: readonly string[] = DEFAULT_TOKENS) {
    const specials = ['<pad>', '<blank>', '<sos>', '<eos>']
    specials.forEach((s, i) => {
      if (tokens[i] !== s) throw new Error(`vocabulary must start with ${specials.join(', ')}`)
    })
    this.ids = new Map(tokens.map((t, i) => [t, i]))
  }

  get size(): number {
    return this.tokens.length
  }

  /**
   * @param text already normalised (see normalizeText)
   * @throws on a character outside the vocabulary
   */
  encode(text: string): number[] {
    return Array.from(text, (ch) => {
      const id = this.ids.get(ch)
      if (id === undefined || id <= EOS_ID) throw new Error(`character ${JSON.stringify(ch)} is not in the vocabulary`)
      return id
    })
  }

  /** Joins character tokens, stopping at eos and skipping pad/sos/blank. */
  decode(ids: Iterable<number>): string {
    let out = ''
    for (const id of ids) {
      if (id === EOS_ID) break
      if (id > EOS_ID && id < this.tokens.length) out += this.tokens[id]
    }
    return out
  }
}
