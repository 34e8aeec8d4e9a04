import * as tf from '@tensorflow/tfjs'
import type { KernelArgs, WasmBackendLike } from './wasm-internals'

/** Copies the box [begin, begin + size) of a row-major tensor into `out`, one contiguous last-axis run at a time. */
export function copyBox(x: ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> }, shape: readonly number[],
  begin: readonly number[], size: readonly number[], out: { set(a: ArrayLike<number>, offset: number): void }): void {
  const rank = shape.length
  const strides = tf.util.computeStrides(shape as number[])
  const run = size[rank - 1]!
  const outer = size.slice(0, -1).reduce((a, b) => a * b, 1)
  const idx = new Array<number>(Math.max(0, rank - 1)).fill(0)
  for (let r = 0; r < outer; r++) {
    let offset = begin[rank - 1]!
    for (let d = 0; d < rank - 1; d++) offset += (begin[d]! + idx[d]!) * strides[d]!
    out.set(x.subarray(offset, offset + run), r * run)
    for (let d = rank - 2; d >= 0; d--) {
      if (++idx[d]! < size[d]!) break
      idx[d] = 0
    }
  }
}

/** Slice reading only the requested region (the stock wasm Slice copies the whole input out of the heap first). */
export function sliceRegion(backend: WasmBackendLike, x: tf.TensorInfo, begin: number[], size: number[]): tf.TensorInfo {
  const out = backend.makeOutput(size, x.dtype)
  if (size.some((s) => s === 0)) return out
  const xs = backend.typedArrayFromHeap(x)
  const os = backend.typedArrayFromHeap(out)
  if (x.shape.length === 0) os.set(xs)
  else copyBox(xs, x.shape, begin, size, os)
  return out
}

export function sliceKernel({ inputs: { x }, attrs, backend }: KernelArgs<{ begin: number | number[]; size: number | number[] }>): tf.TensorInfo {
  const [begin, size] = tf.slice_util.parseSliceParams(x as tf.Tensor, attrs.begin, attrs.size) as [number[], number[]]
  return sliceRegion(backend, x!, begin, size)
}

export function unpackKernel({ inputs: { value }, attrs, backend }: KernelArgs<{ axis: number }>): tf.TensorInfo[] {
  const shape = value!.shape
  const axis = attrs.axis < 0 ? attrs.axis + shape.length : attrs.axis
  const outShape = shape.filter((_, i) => i !== axis)
  const size = shape.slice()
  size[axis] = 1
  return Array.from({ length: shape[axis]! }, (_, i) => {
    const begin = shape.map((_, d) => (d === axis ? i : 0))
    const out = sliceRegion(backend, value!, begin, size)
    return { ...out, shape: outShape }
  })
}

export function splitVKernel({ inputs: { x }, attrs, backend }: KernelArgs<{ numOrSizeSplits: number | number[]; axis: number }>): tf.TensorInfo[] {
  const axis = tf.util.parseAxisParam(attrs.axis, x!.shape)[0]!
  const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, attrs.numOrSizeSplits, axis)
  const begin = new Array<number>(x!.shape.length).fill(0)
  return sizes.map((s) => {
    const size = x!.shape.slice()
    size[axis] = s
    const out = sliceRegion(backend, x!, begin.slice(), size)
    begin[axis]! += s
    return out
  })
}
