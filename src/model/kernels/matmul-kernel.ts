import type * as tf from '@tensorflow/tfjs'
import { matVec } from './matvec'
import type { KernelArgs, KernelFunc } from './wasm-internals'

/** Matrix-vector products (M = 1 or N = 1) with transposed operands: one JS pass, no copies. */
function matVecOutput({ inputs: { a, b }, backend, attrs }: KernelArgs, aT: readonly number[], bT: readonly number[]): tf.TensorInfo {
  const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean }
  const batchA = size(a!.shape.slice(0, -2))
  const batchB = size(b!.shape.slice(0, -2))
  const outShape = [...(batchA >= batchB ? a! : b!).shape.slice(0, -2), aT.at(-2)!, bT.at(-1)!]
  const out = backend.makeOutput(outShape, 'float32')
  const as3 = [batchA, a!.shape.at(-2)!, a!.shape.at(-1)!]
  const bs3 = [batchB, b!.shape.at(-2)!, b!.shape.at(-1)!]
  matVec(backend.typedArrayFromHeap(a!) as Float32Array, as3, backend.typedArrayFromHeap(b!) as Float32Array, bs3, transposeA, transposeB,
    backend.typedArrayFromHeap(out) as Float32Array)
  return out
}

/** Relative cost per element of XNNPACK packing a fresh right-hand operand, measured against a transpose copy. */
const PACK_COST = 4

const swapLast = (shape: readonly number[]): number[] => [...shape.slice(0, -2), shape.at(-1)!, shape.at(-2)!]
const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1)

/**
 * BatchMatMul that never asks the stock wasm kernel for a transposed operand (its transposeA/B paths are ~10x
 * slower; autodiff of every matMul uses them). It materialises transposes with the Transpose kernel, and picks
 * the cheaper of two identities: transpose the flagged operands, or compute the transposed product
 * (Aᵀ·B = (Bᵀ·A)ᵀ, A·Bᵀ = (B·Aᵀ)ᵀ, Aᵀ·Bᵀ = (B·A)ᵀ), whichever moves fewer elements (counting that XNNPACK
 * re-packs the right operand of every product whose right operand is a fresh tensor). For dX = dZ·Wᵀ with a
 * large W and a small batch that turns a full copy of W per step into two small copies. Transposed
 * matrix-vector products (M = 1 or N = 1) are computed directly in JS (matvec.ts).
 */
export function makeBatchMatMulKernel(stockMatMul: KernelFunc, stockTranspose: KernelFunc): KernelFunc {
  return (args: KernelArgs) => {
    const { inputs, backend } = args
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean }
    if (!transposeA && !transposeB) return stockMatMul(args)
    const temps: tf.TensorInfo[] = []
    const t = (x: tf.TensorInfo): tf.TensorInfo => {
      const rank = x.shape.length
      const out = stockTranspose({ inputs: { x }, backend, attrs: { perm: [...Array(rank - 2).keys(), rank - 1, rank - 2] } }) as tf.TensorInfo
      temps.push(out)
      return out
    }
    const mul = (a: tf.TensorInfo, b: tf.TensorInfo): tf.TensorInfo => {
      const out = stockMatMul({ inputs: { a, b }, backend, attrs: { ...args.attrs, transposeA: false, transposeB: false } }) as tf.TensorInfo
      return out
    }
    const a = inputs.a!
    const b = inputs.b!
    const aT = transposeA ? swapLast(a.shape) : a.shape // logical left operand [.., M, K]
    const bT = transposeB ? swapLast(b.shape) : b.shape // logical right operand [.., K, N]
    if (aT.at(-2) === 1 || bT.at(-1) === 1) return matVecOutput(args, aT, bT)
    const outSize = size([aT.at(-2)!, bT.at(-1)!]) * Math.max(size(a.shape.slice(0, -2)), size(b.shape.slice(0, -2)))
    // cost in element copies: explicit transposes, plus XNNPACK re-packing the right operand (~4x a copy)
    const direct = (transposeA ? size(a.shape) : 0) + (transposeB ? size(b.shape) : 0) + PACK_COST * size(b.shape)
    const swapped = (transposeA ? 0 : size(a.shape)) + (transposeB ? 0 : size(b.shape)) + outSize + PACK_COST * size(a.shape)
    let out: tf.TensorInfo
    if (direct <= swapped) {
      out = mul(transposeA ? t(a) : a, transposeB ? t(b) : b)
    } else {
      const product = mul(transposeB ? b : t(b), transposeA ? a : t(a)) // (op(B)ᵀ · op(A)ᵀ) = (op(A)·op(B))ᵀ
      temps.push(product)
      out = t(product)
      temps.pop()
    }
    for (const x of temps) backend.disposeData(x.dataId)
    return out
  }
}
