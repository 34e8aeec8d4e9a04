/** Result of the CTC forward-backward pass for one utterance. */
export interface CtcUtteranceResult {
  /** -log p(labels | x); Infinity when the labels cannot fit in the frames. */
  loss: number
  /** d loss / d logits, [T, V] row-major over the first `frames` frames (zeros when loss is infinite). */
  grad: Float64Array
}

const NEG_INF = -Infinity

function logSumExp3(a: number, b: number, c: number): number {
  const m = Math.max(a, b, c)
  return m === NEG_INF ? NEG_INF : m + Math.log(Math.exp(a - m) + Math.exp(b - m) + Math.exp(c - m))
}

function logSoftmaxRows(logits: ArrayLike<number>, offset: number, frames: number, vocab: number): Float64Array {
  const out = new Float64Array(frames * vocab)
  for (let t = 0; t < frames; t++) {
    let max = NEG_INF
    for (let k = 0; k < vocab; k++) max = Math.max(max, logits[offset + t * vocab + k]!)
    let sum = 0
    for (let k = 0; k < vocab; k++) sum += Math.exp(logits[offset + t * vocab + k]! - max)
    const lse = max + Math.log(sum)
    for (let k = 0; k < vocab; k++) out[t * vocab + k] = logits[offset + t * vocab + k]! - lse
  }
  return out
}

/**
 * Log-space CTC forward (α) and backward (β) recursions (Graves et al. 2006) in float64 for one utterance.
 * The gradient w.r.t. the unnormalised logits is softmax - Σ_{s: l'_s = k} exp(α_t(s) + β_t(s) - lp_t(k) - log p).
 * @param logits flat [*, V] buffer; this utterance's frame t, class k is logits[offset + t·V + k]
 */
export function ctcForwardBackward(logits: ArrayLike<number>, offset: number, frames: number, vocab: number,
  labels: readonly number[], blank: number): CtcUtteranceResult {
  const lp = logSoftmaxRows(logits, offset, frames, vocab)
  const S = 2 * labels.length + 1
  const ext = Int32Array.from({ length: S }, (_, s) => (s % 2 === 0 ? blank : labels[(s - 1) >> 1]!))
  const canSkip = (s: number): boolean => s >= 2 && ext[s] !== blank && ext[s] !== ext[s - 2]
  const alpha = new Float64Array(frames * S).fill(NEG_INF)
  const beta = new Float64Array(frames * S).fill(NEG_INF)
  const grad = new Float64Array(frames * vocab)
  if (frames === 0) return { loss: labels.length === 0 ? 0 : Infinity, grad }
  alpha[0] = lp[ext[0]!]!
  if (S > 1) alpha[1] = lp[ext[1]!]!
  for (let t = 1; t < frames; t++) {
    for (let s = 0; s < S; s++) {
      const prev = (t - 1) * S
      const a = logSumExp3(alpha[prev + s]!, s >= 1 ? alpha[prev + s - 1]! : NEG_INF, canSkip(s) ? alpha[prev + s - 2]! : NEG_INF)
      alpha[t * S + s] = a + lp[t * vocab + ext[s]!]!
    }
  }
  const last = (frames - 1) * S
  const logP = logSumExp3(alpha[last + S - 1]!, S > 1 ? alpha[last + S - 2]! : NEG_INF, NEG_INF)
  if (logP === NEG_INF) return { loss: Infinity, grad }
  beta[last + S - 1] = lp[(frames - 1) * vocab + ext[S - 1]!]!
  if (S > 1) beta[last + S - 2] = lp[(frames - 1) * vocab + ext[S - 2]!]!
  for (let t = frames - 2; t >= 0; t--) {
    for (let s = 0; s < S; s++) {
      const next = (t + 1) * S
      const skip = s + 2 < S && canSkip(s + 2) ? beta[next + s + 2]! : NEG_INF
      const b = logSumExp3(beta[next + s]!, s + 1 < S ? beta[next + s + 1]! : NEG_INF, skip)
      beta[t * S + s] = b + lp[t * vocab + ext[s]!]!
    }
  }
  for (let t = 0; t < frames; t++) {
    for (let k = 0; k < vocab; k++) grad[t * vocab + k] = Math.exp(lp[t * vocab + k]!)
    for (let s = 0; s < S; s++) {
      const k = ext[s]!
      grad[t * vocab + k]! -= Math.exp(alpha[t * S + s]! + beta[t * S + s]! - lp[t * vocab + k]! - logP)
    }
  }
  return { loss: -logP, grad }
}
