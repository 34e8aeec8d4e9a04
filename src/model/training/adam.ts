import * as tf from '@tensorflow/tfjs'
import type { ParamMap } from '../network/params'

export interface AdamConfig {
  beta1: number
  beta2: number
  epsilon: number
}

export const DEFAULT_ADAM: Readonly<AdamConfig> = Object.freeze({ beta1: 0.9, beta2: 0.98, epsilon: 1e-9 })

/**
 * Adam (Kingma & Ba) over a ParamMap with explicit, serialisable state (first/second moments + step), so a
 * checkpoint can resume training exactly.
 */
export class Adam {
  step = 0
  private readonly m = new Map<string, tf.Variable>()
  private readonly v = new Map<string, tf.Variable>()

  constructor(private readonly params: ParamMap, private readonly cfg: AdamConfig = DEFAULT_ADAM) {
    for (const [name, p] of params) {
      this.m.set(name, tf.tidy(() => tf.variable(tf.zerosLike(p), false)))
      this.v.set(name, tf.tidy(() => tf.variable(tf.zerosLike(p), false)))
    }
  }

  /** One update with gradients by parameter name. Does not dispose `grads`. */
  apply(grads: ReadonlyMap<string, tf.Tensor>, learningRate: number): void {
    this.step++
    const { beta1, beta2, epsilon } = this.cfg
    const lr = (learningRate * Math.sqrt(1 - beta2 ** this.step)) / (1 - beta1 ** this.step)
    tf.tidy(() => {
      for (const [name, p] of this.params) {
        const g = grads.get(name)
        if (!g) throw new Error(`no gradient for ${name}`)
        const m = this.m.get(name)!
        const v = this.v.get(name)!
        m.assign(tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)))
        v.assign(tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2)))
        p.assign(tf.sub(p, tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsilon)), lr)))
      }
    })
  }

  /** Moments as named tensors ("adam/m/<param>", "adam/v/<param>"); views of live state, do not dispose. */
  stateTensors(): Record<string, tf.Tensor> {
    const out: Record<string, tf.Tensor> = {}
    for (const [name, t] of this.m) out[`adam/m/${name}`] = t
    for (const [name, t] of this.v) out[`adam/v/${name}`] = t
    return out
  }

  /** Restores moments and step saved by stateTensors(). */
  restore(step: number, tensors: Record<string, tf.Tensor>): void {
    for (const [kind, map] of [['m', this.m], ['v', this.v]] as const) {
      for (const [name, t] of map) {
        const saved = tensors[`adam/${kind}/${name}`]
        if (!saved) throw new Error(`optimizer state lacks adam/${kind}/${name}`)
        t.assign(saved)
      }
    }
    this.step = step
  }

  dispose(): void {
    tf.dispose([...this.m.values(), ...this.v.values()])
  }
}

/**
 * Scales gradients so their global L2 norm is at most maxNorm (Pascanu et al. 2013).
 * @returns new tensors (caller disposes) and the norm before clipping
 */
export function clipByGlobalNorm(grads: ReadonlyMap<string, tf.Tensor>, maxNorm: number): { grads: Map<string, tf.Tensor>; norm: number } {
  const norm = tf.tidy(() => Math.sqrt(tf.addN([...grads.values()].map((g) => tf.sum(tf.square(g)))).dataSync()[0]!))
  const scale = Number.isFinite(norm) && norm > maxNorm ? maxNorm / norm : 1
  const out = new Map<string, tf.Tensor>()
  for (const [name, g] of grads) out.set(name, tf.mul(g, scale))
  return { grads: out, norm }
}

/**
 * Linear warm-up to `peak` over `warmupSteps`, then inverse-square-root decay (Vaswani et al. 2017); inside an
 * `anneal` window the rate also falls linearly to 0 at its `until` step (the usual last stretch of a run that has
 * stopped improving at its current rate; a fixed window, so a resumed run anneals the same way).
 */
export function learningRateAt(step: number, peak: number, warmupSteps: number, anneal: AnnealWindow | null = null): number {
  const s = Math.max(1, step)
  const rate = s <= warmupSteps ? (peak * s) / warmupSteps : peak * Math.sqrt(warmupSteps / s)
  if (!anneal || s <= anneal.from) return rate
  return rate * Math.max(0, (anneal.until - s) / (anneal.until - anneal.from))
}

/** Steps over which the learning rate falls linearly to 0 (from < until). */
export interface AnnealWindow {
  from: number
  until: number
}
