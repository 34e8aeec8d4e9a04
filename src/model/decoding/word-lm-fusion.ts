import { SENTENCE_END, SENTENCE_START, type NgramLm } from '../lm/ngram-lm'
import type { TokenScorer } from './token-scorer'

/** Words so far (the last order-1, starting with <s>) and the word being spelled. */
export interface WordLmState {
  history: readonly string[]
  partial: string
}

/**
 * Shallow fusion of a word n-gram LM into a character beam: when a hypothesis completes a word (space or eos)
 * it gains weight · ln P_lm(word | history) + wordBonus, and at eos also weight · ln P_lm(</s> | history).
 * Characters inside a word are not scored (the LM sees whole words only); the bonus offsets the LM's cost
 * of every word, which would otherwise favour fewer, longer words.
 */
export class WordLmFusion implements TokenScorer<WordLmState> {
  private readonly context: number

  /** @param tokens the vocabulary's token strings (characters) */
  constructor(private readonly tokens: readonly string[], private readonly space: number, private readonly eos: number,
    private readonly lm: NgramLm, private readonly weight: number, private readonly wordBonus: number) {
    this.context = Math.max(1, lm.order - 1)
  }

  initial(): WordLmState {
    return { history: [SENTENCE_START], partial: '' }
  }

  extend(state: WordLmState, token: number): { delta: number; state: WordLmState } {
    if (token !== this.space && token !== this.eos) return { delta: 0, state: { history: state.history, partial: state.partial + this.tokens[token]! } }
    let delta = 0
    let history = state.history
    if (state.partial !== '') {
      delta += this.wordScore(history, state.partial) + this.wordBonus
      history = [...history, state.partial].slice(-this.context)
    }
    if (token === this.eos) delta += this.wordScore(history, SENTENCE_END)
    return { delta, state: { history, partial: '' } }
  }

  /** weight · ln P(word | history), from the LM's log10. */
  private wordScore(history: readonly string[], word: string): number {
    return this.weight * Math.LN10 * this.lm.logProb(history, word)
  }
}
