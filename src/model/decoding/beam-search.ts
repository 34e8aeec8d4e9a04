import * as tf from '@tensorflow/tfjs'
import { advanceDecoder, embedTokens, initialDecoderState, outputLogits, type DecoderSession, type DecoderState } from '../network/decoder'
import { EOS_ID, SOS_ID } from '../text/vocabulary'
import type { CtcPrefixScorer, CtcPrefixState } from './ctc-prefix-score'
import { gatherState, shareSession } from './beam-rows'
import { logSoftmaxRows } from './log-math'
import type { TokenScorer } from './token-scorer'

/** The best hypothesis of a beam search. */
export interface BeamHypothesis {
  /** Emitted token ids, without sos and eos. */
  tokens: number[]
  /** Attention of each emitted token over the encoder steps [tokens.length][T']. */
  attention: number[][]
  /** Attention-decoder log-probability of each emitted token. */
  tokenLogProbs: number[]
  /** Sum of the attention log-probabilities of the tokens (and of eos when reached), as greedy reports it. */
  logProb: number
  /** The ranking score: joint acoustic score plus fusion terms, length-normalised. */
  score: number
}

export interface BeamSearchOptions {
  beam: number
  /** α of the length normalisation score / ((5 + |y|) / 6)^α (Wu et al. 2016) applied to ended hypotheses; 0: none. */
  lengthPenalty: number
  /** At most ceil(ratio x encoder steps) + 2 tokens. */
  maxLenRatio: number
  /** Joint CTC/attention decoding: the utterance's CTC prefix scorer and its weight λ; null: attention only. */
  ctc: { scorer: CtcPrefixScorer; weight: number } | null
  /** LM fusion, hot words: added to the score token by token. */
  scorers: readonly TokenScorer[]
  /** Tokens every hypothesis starts with, scored like any others (a dictation segment's words already shown as stable). */
  prefix: readonly number[]
}

/** Unnormalised score below the best ended hypothesis at which the running ones are abandoned (ESPnet's D_end). */
const END_MARGIN = Math.log(1e10)

/** Emitted tokens as a shared tree: hypotheses branch without copying their histories. */
interface TokenNode {
  token: number
  attention: Float32Array
  logProb: number
  parent: TokenNode | null
}

interface Hyp {
  node: TokenNode | null
  length: number
  score: number
  logProb: number
  ctc: CtcPrefixState | null
  states: unknown[]
}

interface Candidate {
  row: number
  token: number
  score: number
  ctc: CtcPrefixState | null
}

const normalised = (score: number, length: number, alpha: number): number => (alpha === 0 ? score : score / ((5 + length) / 6) ** alpha)

/** A candidate before CTC scoring: `bound` is its score with Δψ_ctc = 0, an upper bound since Δψ ≤ 0. */
interface Draft {
  row: number
  token: number
  bound: number
}

const byScore = (a: Candidate, b: Candidate): number => b.score - a.score || a.row - b.row || a.token - b.token

/** Exact joint scores of drafts, bound + λ·Δψ_ctc, one CTC pass per row. */
function scoreJoint(hyps: readonly Hyp[], drafts: readonly Draft[], ctc: NonNullable<BeamSearchOptions['ctc']>): Candidate[] {
  const out: Candidate[] = []
  hyps.forEach((hyp, row) => {
    const mine = drafts.filter((d) => d.row === row)
    if (mine.length === 0) return
    ctc.scorer.extend(hyp.ctc!, mine.map((d) => d.token)).forEach((state, n) => {
      const { token, bound } = mine[n]!
      const delta = state.prefix - hyp.ctc!.prefix
      if (delta === -Infinity && ctc.weight > 0) return
      out.push({ row, token, score: ctc.weight === 0 ? bound : bound + ctc.weight * delta, ctc: state })
    })
  })
  return out
}

/** A token after one hypothesis: its attention log-probability and the fusion scorers' delta. */
interface Extension {
  token: number
  att: number
  fusion: number
}

const byFused = (a: Extension, b: Extension): number => b.att + b.fusion - (a.att + a.fusion) || a.token - b.token

/**
 * The `count` best extensions of one hypothesis by attention + fusion score (ties: lower token), exactly: tokens
 * are tried in attention order and the scorers extended only while the attention score plus their ceilings can
 * still enter the `count` best (an LM otherwise extends every letter of every row at every step).
 * @param logProbs the hypothesis's row of attention log-probabilities [V]
 * @param forced the only token allowed at this step (inside the forced prefix), if any
 */
function bestExtensions(hyp: Hyp, logProbs: Float32Array, scorers: readonly TokenScorer[], count: number, forced: number | undefined): Extension[] {
  const ceiling = scorers.reduce((sum, s, k) => sum + s.ceiling(hyp.states[k]), 0)
  const tokens = forced !== undefined ? [forced] : Array.from({ length: logProbs.length - EOS_ID }, (_, i) => EOS_ID + i).sort((a, b) => logProbs[b]! - logProbs[a]! || a - b)
  const best: Extension[] = []
  for (const token of tokens) {
    const att = logProbs[token]!
    const last = best[count - 1]
    if (last && att + ceiling < last.att + last.fusion) break
    best.push({ token, att, fusion: scorers.reduce((sum, s, k) => sum + s.extend(hyp.states[k], token).delta, 0) })
    best.sort(byFused)
    if (best.length > count) best.pop()
  }
  return best
}

/**
 * Scores the candidate extensions of each live hypothesis (row i of logProbs [rows, V]), best first.
 * Attention-only: the best 2·beam per hypothesis (the selection walks at most beam survivors plus one eos per
 * row, so no candidate past that can be reached). Joint: per hypothesis the best few by attention + fusion
 * (pre-beam: enough that λ = 0 ranks exactly like attention only, and a hot word's next letter competes on its
 * bonus), rescored λ·Δψ_ctc + (1-λ)·log p_att; the CTC recursion runs only for candidates whose upper bound can
 * still reach the first 2·beam places (all the selection looks at), which keeps the ranking exact.
 */
function expand(hyps: readonly Hyp[], logProbs: Float32Array, vocab: number, opts: BeamSearchOptions, forced: number | undefined): Candidate[] {
  const perRow = opts.ctc ? Math.max(opts.beam + 1, Math.ceil(1.5 * opts.beam)) : 2 * opts.beam
  const attWeight = opts.ctc ? 1 - opts.ctc.weight : 1
  const drafts: Draft[] = []
  hyps.forEach((hyp, row) => {
    for (const { token, att, fusion } of bestExtensions(hyp, logProbs.subarray(row * vocab, (row + 1) * vocab), opts.scorers, perRow, forced)) {
      drafts.push({ row, token, bound: hyp.score + attWeight * att + fusion })
    }
  })
  if (!opts.ctc) return drafts.map((d) => ({ row: d.row, token: d.token, score: d.bound, ctc: null })).sort(byScore)
  const places = 2 * opts.beam
  drafts.sort((a, b) => b.bound - a.bound)
  const scored = scoreJoint(hyps, drafts.slice(0, places), opts.ctc).sort(byScore)
  const threshold = scored.length >= places ? scored[places - 1]!.score : -Infinity
  return [...scored, ...scoreJoint(hyps, drafts.slice(places).filter((d) => d.bound >= threshold), opts.ctc)].sort(byScore)
}

/** The hypothesis `c` makes of its parent, emitting c.token with this step's attention row. */
function grow(parent: Hyp, c: Candidate, logProbs: Float32Array, align: Float32Array, vocab: number, opts: BeamSearchOptions): Hyp {
  const steps = align.length / (logProbs.length / vocab)
  const logProb = logProbs[c.row * vocab + c.token]!
  const node = { token: c.token, attention: align.slice(c.row * steps, (c.row + 1) * steps), logProb, parent: parent.node }
  const states = opts.scorers.map((s, k) => s.extend(parent.states[k], c.token).state)
  return { node, length: parent.length + 1, score: c.score, logProb: parent.logProb + logProb, ctc: c.ctc, states }
}

function finish(hyp: Hyp, ended: boolean, alpha: number): BeamHypothesis {
  const nodes: TokenNode[] = []
  for (let n = hyp.node; n; n = n.parent) nodes.unshift(n)
  const emitted = ended ? nodes.slice(0, -1) : nodes
  return {
    tokens: emitted.map((n) => n.token),
    attention: emitted.map((n) => Array.from(n.attention)),
    tokenLogProbs: emitted.map((n) => n.logProb),
    logProb: hyp.logProb,
    score: normalised(hyp.score, hyp.length, alpha)
  }
}

/**
 * Beam search over the attention speller for one utterance, all hypotheses in one speller step per output
 * token. Each step keeps the `beam` best non-eos extensions; an eos extension ranked within the first `beam`
 * ends its hypothesis. Stops when `beam` hypotheses have ended, when the running ones fall END_MARGIN below
 * the best ended one, or at the length limit (where running hypotheses count only if none ended, as they are:
 * unfinished words have not paid their LM cost). Width 1 is greedy. Within `prefix` the one hypothesis takes
 * the forced token (none at all when CTC rules it out: the result then scores -Infinity).
 * Leaves no tensors behind.
 * @param session decoder session over one utterance's encoder memory [1, T', D]
 */
export function beamSearch(session: DecoderSession, opts: BeamSearchOptions): BeamHypothesis {
  const k = opts.beam
  const steps = session.lengths[0]!
  const maxLen = Math.ceil(opts.maxLenRatio * steps) + 2
  const ended: BeamHypothesis[] = []
  let bestEndedRaw = -Infinity
  let running: Hyp[] = [{ node: null, length: 0, score: 0, logProb: 0, ctc: opts.ctc?.scorer.initial() ?? null, states: opts.scorers.map((s) => s.initial()) }]
  tf.tidy(() => {
    const shared = shareSession(session, k)
    const vocab = session.tokenProj.shape[0]
    let state: DecoderState = initialDecoderState(shared)
    let prev = new Int32Array(k).fill(SOS_ID)
    for (let u = 0; u < maxLen && running.length > 0; u++) {
      const next = tf.tidy(() => {
        const st = advanceDecoder(shared, embedTokens(shared, tf.tensor1d(prev, 'int32')), state)
        return { ...st, logits: outputLogits(shared.weights, st.context, st.h) }
      })
      tf.dispose([state.h, state.c, state.context, state.align])
      const logProbs = logSoftmaxRows(next.logits.dataSync() as Float32Array, vocab) // [k, V]: cheaper in JS than one more kernel
      const align = next.align.dataSync() as Float32Array
      next.logits.dispose()
      const live = running.slice(0, u === 0 ? 1 : k) // step 0: every row is the same sos hypothesis
      const survivors: Hyp[] = []
      const parents: number[] = []
      expand(live, logProbs, vocab, opts, opts.prefix[u]).forEach((c, rank) => {
        if (survivors.length === k) return
        const hyp = grow(live[c.row]!, c, logProbs, align, vocab, opts)
        if (c.token !== EOS_ID) {
          survivors.push(hyp)
          parents.push(c.row)
        } else if (rank < k) {
          ended.push(finish(hyp, true, opts.lengthPenalty))
          bestEndedRaw = Math.max(bestEndedRaw, hyp.score)
        }
      })
      running = survivors
      const stop = ended.length >= k || (running.length > 0 && running[0]!.score < bestEndedRaw - END_MARGIN)
      if (stop) running = []
      if (running.length === 0) {
        tf.dispose([next.h, next.c, next.context, next.align])
        break
      }
      const rows = Int32Array.from({ length: k }, (_, i) => parents[Math.min(i, parents.length - 1)]!)
      if (rows.every((row, i) => row === i)) {
        state = next // every survivor extends the hypothesis in its own row: nothing to reorder
      } else {
        state = gatherState(next, rows)
        tf.dispose([next.h, next.c, next.context, next.align])
      }
      prev = Int32Array.from({ length: k }, (_, i) => running[Math.min(i, running.length - 1)]!.node!.token)
    }
  })
  if (ended.length === 0) for (const hyp of running) ended.push(finish(hyp, false, opts.lengthPenalty)) // length limit, nothing ended
  const none: BeamHypothesis = { tokens: [], attention: [], tokenLogProbs: [], logProb: -Infinity, score: -Infinity } // every path was impossible
  return ended.reduce((best, h) => (h.score > best.score ? h : best), none)
}
