import * as tf from '@tensorflow/tfjs'
import type { WasmBackendLike } from './wasm-internals'

/** A kernel written once over Float32Arrays: fills `outputs` (already allocated) from `inputs`. */
export interface JsKernelSpec {
  name: string
  /** Output shapes from input shapes. */
  outputShapes(inputShapes: number[][]): number[][]
  compute(inputs: Float32Array[], outputs: Float32Array[], inputShapes: number[][]): void
  /** Input names in order (as passed to runKernel). */
  inputNames: string[]
}

interface CpuBackendLike {
  data: { get(id: tf.DataId): { values: Float32Array } }
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Float32Array): tf.TensorInfo
}

/** Kernel configs running `spec` on the cpu backend (typed arrays in JS memory) and the wasm backend (heap views). */
export function jsKernelConfigs(spec: JsKernelSpec): tf.KernelConfig[] {
  const shapesOf = (inputs: tf.NamedTensorInfoMap): number[][] => spec.inputNames.map((n) => inputs[n]!.shape)
  const cpu: tf.KernelFunc = ({ inputs, backend }) => {
    const be = backend as unknown as CpuBackendLike
    const shapes = shapesOf(inputs)
    const outs = spec.outputShapes(shapes).map((s) => new Float32Array(tf.util.sizeFromShape(s)))
    spec.compute(spec.inputNames.map((n) => be.data.get(inputs[n]!.dataId).values), outs, shapes)
    return spec.outputShapes(shapes).map((s, i) => be.makeTensorInfo(s, 'float32', outs[i]!))
  }
  const wasm: tf.KernelFunc = ({ inputs, backend }) => {
    const be = backend as unknown as WasmBackendLike
    const shapes = shapesOf(inputs)
    const outs = spec.outputShapes(shapes).map((s) => be.makeOutput(s, 'float32'))
    // views only after every allocation: makeOutput may grow (and detach) the heap
    const inViews = spec.inputNames.map((n) => be.typedArrayFromHeap(inputs[n]!) as Float32Array)
    spec.compute(inViews, outs.map((o) => be.typedArrayFromHeap(o) as Float32Array), shapes)
    return outs
  }
  return [{ kernelName: spec.name, backendName: 'cpu', kernelFunc: cpu }, { kernelName: spec.name, backendName: 'wasm', kernelFunc: wasm }]
}
