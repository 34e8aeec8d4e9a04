import * as tf from '@tensorflow/tfjs'
import type { ParamMap } from '../network/params'

/** Concatenates tensors named like `params` (in its order) into one Float32Array; used to ship to workers. */
export function flattenNamed(params: ParamMap, tensors: ReadonlyMap<string, tf.Tensor>): Float32Array {
  let size = 0
  for (const v of params.values()) size += v.size
  const out = new Float32Array(size)
  let offset = 0
  for (const [name, v] of params) {
    const t = tensors.get(name)
    if (!t) throw new Error(`missing tensor ${name}`)
    out.set(t.dataSync() as Float32Array, offset)
    offset += v.size
  }
  return out
}

/** The model's current weights as one flat array (ParamMap order). */
export const flattenWeights = (params: ParamMap): Float32Array => flattenNamed(params, params)

/** Splits a flat array back into tensors shaped like `params` (caller owns them). */
export function unflatten(params: ParamMap, flat: Float32Array): Map<string, tf.Tensor> {
  const out = new Map<string, tf.Tensor>()
  let offset = 0
  for (const [name, v] of params) {
    out.set(name, tf.tensor(flat.subarray(offset, offset + v.size), v.shape))
    offset += v.size
  }
  if (offset !== flat.length) throw new Error(`flat weights have ${flat.length} values, the model needs ${offset}`)
  return out
}

/** Assigns a flat weight array (ParamMap order) to the model's variables. */
export function assignFlatWeights(params: ParamMap, flat: Float32Array): void {
  const tensors = unflatten(params, flat)
  for (const [name, t] of tensors) params.get(name)!.assign(t)
  tf.dispose([...tensors.values()])
}
