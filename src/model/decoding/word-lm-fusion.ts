import { SENTENCE_END, SENTENCE_START, type NgramLm } from '../lm/ngram-lm'
import { PrefixLookahead } from '../lm/prefix-lookahead'
import type { TokenScorer } from './token-scorer'

/** Words so far (the last order-1, starting with <s>) and the word being spelled. */
export interface WordLmState {
  history: readonly string[]
  partial: string
}

/** One look-ahead table per loaded LM (building it sorts the vocabulary). */
const lookaheads = new WeakMap<NgramLm, PrefixLookahead>()

/**
 * Shallow fusion of a word n-gram LM into a character beam. Each letter pays the change in the word-prefix
 * look-ahead (the best unigram probability of a word with that prefix), and a completed word (at a space or
 * eos) swaps the look-ahead for its n-gram probability and gains wordBonus; eos adds P(</s> | history). So a
 * word costs weight · ln P_lm(word | history) in the end, but a hypothesis cannot dodge the cost by postponing
 * its word ends. The bonus offsets the LM's cost per word, which would otherwise favour fewer words.
 */
export class WordLmFusion implements TokenScorer<WordLmState> {
  private readonly context: number
  private readonly lookahead: PrefixLookahead
  private readonly scale: number

  /** @param tokens the vocabulary's token strings (characters) */
  constructor(private readonly tokens: readonly string[], private readonly space: number, private readonly eos: number,
    private readonly lm: NgramLm, weight: number, private readonly wordBonus: number) {
    this.context = Math.max(1, lm.order - 1)
    this.scale = weight * Math.LN10
    let lookahead = lookaheads.get(lm)
    if (!lookahead) lookaheads.set(lm, (lookahead = new PrefixLookahead(lm)))
    this.lookahead = lookahead
  }

  initial(): WordLmState {
    return { history: [SENTENCE_START], partial: '' }
  }

  extend(state: WordLmState, token: number): { delta: number; state: WordLmState } {
    const { history, partial } = state
    if (token !== this.space && token !== this.eos) {
      const longer = partial + this.tokens[token]!
      return { delta: this.scale * (this.lookahead.best(longer) - this.lookahead.best(partial)), state: { history, partial: longer } }
    }
    let delta = 0
    let next = history
    if (partial !== '') {
      delta += this.scale * (this.lm.logProb(history, partial) - this.lookahead.best(partial)) + this.wordBonus
      next = [...history, partial].slice(-this.context)
    }
    if (token === this.eos) delta += this.scale * this.lm.logProb(next, SENTENCE_END)
    return { delta, state: { history: next, partial: '' } }
  }

  /** A letter never raises the look-ahead, except into the unknown-word score; word ends are scored exactly. */
  ceiling(state: WordLmState): number {
    if (this.scale < 0) return Infinity
    const letter = this.scale * Math.max(0, this.lookahead.unknown - this.lookahead.best(state.partial))
    return Math.max(letter, this.extend(state, this.space).delta, this.extend(state, this.eos).delta)
  }
}
