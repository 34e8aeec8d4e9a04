import * as tf from '@tensorflow/tfjs'

/** All trainable weights of a model by hierarchical name ("enc/0/fw/wx"). Insertion order is stable. */
export type ParamMap = Map<string, tf.Variable>

let variableCounter = 0

/**
 * Creates named, seeded variables into a ParamMap. Every initialiser draws from its own seed (base seed +
 * creation index), so the same config and seed always produce the same weights.
 */
export class ParamBuilder {
  readonly params: ParamMap = new Map()
  private next = 0

  constructor(private readonly seed: number) {}

  /** Uniform(-scale, scale) initialised variable of `shape`. */
  uniform(name: string, shape: number[], scale: number): tf.Variable {
    return this.add(name, () => tf.randomUniform(shape, -scale, scale, 'float32', this.seed * 7919 + this.next))
  }

  /** Variable with every element = value. */
  filled(name: string, shape: number[], value: number): tf.Variable {
    return this.add(name, () => tf.fill(shape, value))
  }

  /** Variable holding explicit values. */
  values(name: string, shape: number[], data: Float32Array): tf.Variable {
    return this.add(name, () => tf.tensor(data, shape))
  }

  private add(name: string, init: () => tf.Tensor): tf.Variable {
    if (this.params.has(name)) throw new Error(`duplicate parameter ${name}`)
    this.next++
    // Engine-wide variable names must be unique even when several models are alive (e.g. before/after fine-tuning).
    const v = tf.tidy(() => tf.variable(init(), true, `s2s/${name}/${++variableCounter}`))
    this.params.set(name, v)
    return v
  }
}

/** Total number of scalar weights. */
export function countParams(params: ParamMap): number {
  let n = 0
  for (const v of params.values()) n += v.size
  return n
}

/** Disposes every variable of the map. */
export function disposeParams(params: ParamMap): void {
  for (const v of params.values()) v.dispose()
}
