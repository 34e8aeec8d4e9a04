import type * as tf from '@tensorflow/tfjs'
import type { KernelArgs, KernelFunc } from './wasm-internals'

/**
 * BatchMatMul that materialises transposes with the Transpose kernel and then runs the plain product:
 * the stock wasm kernel's transposeA/transposeB paths are ~10x slower, and autodiff of every matMul uses them.
 */
export function makeBatchMatMulKernel(stockMatMul: KernelFunc, stockTranspose: KernelFunc): KernelFunc {
  return (args: KernelArgs) => {
    const { inputs, backend } = args
    const attrs = args.attrs as { transposeA: boolean; transposeB: boolean }
    if (!attrs.transposeA && !attrs.transposeB) return stockMatMul(args)
    const temps: tf.TensorInfo[] = []
    const maybeT = (t: tf.TensorInfo, flag: boolean): tf.TensorInfo => {
      if (!flag) return t
      const rank = t.shape.length
      const perm = [...Array(rank - 2).keys(), rank - 1, rank - 2]
      const out = stockTranspose({ inputs: { x: t }, backend, attrs: { perm } }) as tf.TensorInfo
      temps.push(out)
      return out
    }
    const a = maybeT(inputs.a!, attrs.transposeA)
    const b = maybeT(inputs.b!, attrs.transposeB)
    const out = stockMatMul({ inputs: { a, b }, backend, attrs: { ...args.attrs, transposeA: false, transposeB: false } }) as tf.TensorInfo
    for (const t of temps) backend.disposeData(t.dataId)
    return out
  }
}
