import type { CtcPosteriors } from '../decoding/ctc-prefix-score'
import { BLANK_ID, type Vocabulary } from '../text/vocabulary'
import { ctcViterbi, type TokenSpan } from './ctc-viterbi'
import type { WordTiming } from '../../shared/transcript'

/**
 * One recognised word with its time in the audio (the shared transcript type). Here `confidence` is the mean
 * over the word's characters of their peak posterior where they were aligned.
 */
export type { WordTiming }

/** Which alignment the word times came from. */
export type TimingSource = 'ctc' | 'attention'

/** Below this mean label peak posterior along the Viterbi path the CTC head is taken as untrained or lost. */
const MIN_CTC_POSTERIOR = 0.1

/**
 * Attention-peak spans: each token sits at the encoder step its attention peaks on, one step long, with its
 * decoder probability as the posterior. The fallback when CTC cannot align: attention peaks drift by a step or
 * two and say nothing of how long a character lasts, so words span their first to last character peak (with the
 * same one-step onset lead as CTC spans).
 * @param attention per-token attention rows [U][T']; tokenLogProbs per-token decoder log-probabilities [U]
 */
export function attentionSpans(attention: readonly (readonly number[])[], tokenLogProbs: readonly number[]): TokenSpan[] {
  return attention.map((row, u) => {
    const peak = row.reduce((best, a, j) => (a > row[best]! ? j : best), 0)
    return { first: peak, last: peak, posterior: Math.exp(tokenLogProbs[u] ?? 0) }
  })
}

/**
 * Encoder steps a word starts before its first character's span: a CTC spike fires once the character has been
 * heard, so it trails the onset (by about one 40 ms step on TTS speech); never before the previous word's end.
 */
const ONSET_LEAD_STEPS = 1

/** Groups per-token spans into words (space-separated) with start/end seconds and mean confidence. */
export function wordsFromSpans(tokens: readonly number[], spans: readonly TokenSpan[], vocabulary: Vocabulary, stepSeconds: number): WordTiming[] {
  const space = vocabulary.encode(' ')[0]!
  const words: WordTiming[] = []
  let chars: number[] = []
  let previousEnd = 0 // in steps
  const flush = (): void => {
    if (chars.length === 0) return
    const first = spans[chars[0]!]!
    const last = spans[chars.at(-1)!]!
    const startStep = Math.max(previousEnd, Math.min(first.first, last.first) - ONSET_LEAD_STEPS)
    previousEnd = Math.max(startStep, first.last, last.last) + 1
    words.push({
      word: vocabulary.decode(chars.map((i) => tokens[i]!)),
      start: startStep * stepSeconds,
      end: previousEnd * stepSeconds,
      confidence: chars.reduce((sum, i) => sum + spans[i]!.posterior, 0) / chars.length
    })
    chars = []
  }
  tokens.forEach((token, i) => (token === space ? flush() : chars.push(i)))
  flush()
  return words
}

/**
 * Word times and confidences of a final transcript: CTC Viterbi forced alignment over the CTC posteriors,
 * or attention peaks when CTC cannot align the text or its posteriors along the path are near chance.
 * @param posteriors the utterance's CTC log posteriors [T', V]; tokens the transcript's token ids
 * @param attention per-token attention rows [U][T']; tokenLogProbs per-token decoder log-probabilities
 */
export function alignWords(posteriors: CtcPosteriors, tokens: readonly number[], attention: readonly (readonly number[])[],
  tokenLogProbs: readonly number[], vocabulary: Vocabulary, stepSeconds: number): { words: WordTiming[]; timing: TimingSource } {
  const spans = ctcViterbi(posteriors, tokens, BLANK_ID)
  const usable = spans !== null && (spans.length === 0 || spans.reduce((sum, s) => sum + s.posterior, 0) / spans.length >= MIN_CTC_POSTERIOR)
  return usable
    ? { words: wordsFromSpans(tokens, spans, vocabulary, stepSeconds), timing: 'ctc' }
    : { words: wordsFromSpans(tokens, attentionSpans(attention, tokenLogProbs), vocabulary, stepSeconds), timing: 'attention' }
}
