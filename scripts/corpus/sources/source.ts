import type { Rng } from '../util/rng'

/** What a text source is given: a seeded generator, and roughly how many sentences the plan will draw from it. */
export interface SourceContext {
  rng: Rng
  wanted: number
}

/** A provider of raw (un-normalised) candidate sentences. */
export interface TextSource {
  name: string
  /** Share of the synthetic sentences drawn from this source. */
  weight: number
  /** Where the text comes from and under which licence (copied into corpus.json and docs/DATA.md). */
  licence: string
  read(context: SourceContext): Promise<string[]>
}
