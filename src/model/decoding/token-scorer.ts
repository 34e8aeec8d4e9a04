/**
 * A score over the emitted tokens that the beam adds to the acoustic scores (LM fusion, hot words), updated one
 * token at a time from a small immutable per-hypothesis state.
 */
export interface TokenScorer<S = unknown> {
  initial(): S
  /** Score change (in nats) and the next state when `token` is appended to the hypothesis in `state`. */
  extend(state: S, token: number): { delta: number; state: S }
  /**
   * An upper bound of extend(state, token).delta over every token (Infinity: none known). It lets the beam skip
   * extending tokens whose acoustic score plus this bound cannot reach its candidates.
   */
  ceiling(state: S): number
}
