import type * as tf from '@tensorflow/tfjs'

/**
 * The part of tfjs-backend-wasm's BackendWasm that project kernels use (typed here so src/model needs no
 * runtime import of the wasm package). Tensors live in the wasm heap; `typedArrayFromHeap` returns a view,
 * so views must be taken after the last `makeOutput` of a kernel (an allocation can grow, and detach, the heap).
 */
export interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array
  disposeData(dataId: tf.DataId): boolean
  incRef(dataId: tf.DataId): void
}

/** Arguments every kernel function receives. */
export interface KernelArgs<A = Record<string, unknown>> {
  inputs: Record<string, tf.TensorInfo>
  backend: WasmBackendLike
  attrs: A
}

/** A kernel function as the engine calls it (the shape stock wasm kernels and project kernels share). */
export type KernelFunc = (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[]
