import type * as tf from '@tensorflow/tfjs'
import type { KernelArgs, KernelFunc } from './wasm-internals'

/**
 * Tanh as 2·σ(2x) − 1 on the stock (vectorised) wasm Sigmoid: the stock wasm Tanh calls scalar libm tanh
 * and is ~10x slower than Sigmoid. Absolute error stays at float32 rounding level (~1e-7).
 */
export function makeTanhKernel(stockSigmoid: KernelFunc): KernelFunc {
  return ({ inputs: { x }, backend }: KernelArgs) => {
    const doubled = backend.makeOutput(x!.shape, 'float32')
    const xs = backend.typedArrayFromHeap(x!)
    const ds = backend.typedArrayFromHeap(doubled)
    for (let i = 0; i < ds.length; i++) ds[i] = 2 * xs[i]!
    const out = stockSigmoid({ inputs: { x: doubled }, backend, attrs: {} }) as tf.TensorInfo
    backend.disposeData(doubled.dataId)
    const os = backend.typedArrayFromHeap(out)
    for (let i = 0; i < os.length; i++) os[i] = 2 * os[i]! - 1
    return out
  }
}
