import * as tf from '@tensorflow/tfjs'
import type { WasmBackendLike } from './wasm-internals'

/** Buffers of one kernel call. Re-fetch after every env.sigmoid call (on wasm the heap may have moved). */
export interface KernelArrays {
  inputs: Float32Array[]
  outputs: Float32Array[]
  scratch: Float32Array[]
}

/** A buffer of the call, by role and index. */
export type BufferRef = readonly ['output' | 'scratch', number]

/** What a JS kernel body may use: its arrays and a vectorised sigmoid between two of its buffers. */
export interface KernelEnv {
  arrays(): KernelArrays
  /** dst = 1 / (1 + exp(-src)) elementwise; src and dst have the same size. */
  sigmoid(src: BufferRef, dst: BufferRef): void
}

/** A kernel written once over Float32Arrays: fills the outputs (already allocated) from the inputs. */
export interface JsKernelSpec {
  name: string
  /** Input names in order (as passed to runKernel). */
  inputNames: string[]
  outputShapes(inputShapes: number[][]): number[][]
  scratchShapes?(inputShapes: number[][]): number[][]
  compute(env: KernelEnv, inputShapes: number[][]): void
}

interface CpuBackendLike {
  data: { get(id: tf.DataId): { values: Float32Array } }
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Float32Array): tf.TensorInfo
}

interface WasmModuleLike {
  cwrap(name: string, ret: null, args: string[]): (xId: number, outId: number) => void
}

const sizes = (shapes: number[][]): number[] => shapes.map((s) => tf.util.sizeFromShape(s))

function cpuKernel(spec: JsKernelSpec): tf.KernelFunc {
  return ({ inputs, backend }) => {
    const be = backend as unknown as CpuBackendLike
    const shapes = spec.inputNames.map((n) => inputs[n]!.shape)
    const outShapes = spec.outputShapes(shapes)
    const arrays: KernelArrays = {
      inputs: spec.inputNames.map((n) => be.data.get(inputs[n]!.dataId).values),
      outputs: sizes(outShapes).map((n) => new Float32Array(n)),
      scratch: sizes(spec.scratchShapes?.(shapes) ?? []).map((n) => new Float32Array(n))
    }
    const pick = ([role, i]: BufferRef): Float32Array => (role === 'output' ? arrays.outputs : arrays.scratch)[i]!
    spec.compute({
      arrays: () => arrays,
      sigmoid: (src, dst) => {
        const [s, d] = [pick(src), pick(dst)]
        for (let i = 0; i < s.length; i++) d[i] = 1 / (1 + Math.exp(-s[i]!))
      }
    }, shapes)
    return outShapes.map((s, i) => be.makeTensorInfo(s, 'float32', arrays.outputs[i]!))
  }
}

function wasmKernel(spec: JsKernelSpec): tf.KernelFunc {
  let sigmoidFn: ((xId: number, outId: number) => void) | null = null
  return ({ inputs, backend }) => {
    const be = backend as unknown as WasmBackendLike & { wasm: WasmModuleLike; dataIdMap: { get(id: tf.DataId): { id: number } } }
    sigmoidFn ??= be.wasm.cwrap('Sigmoid', null, ['number', 'number']) // the stock kernel's C entry: (xId, outId)
    const shapes = spec.inputNames.map((n) => inputs[n]!.shape)
    const outs = spec.outputShapes(shapes).map((s) => be.makeOutput(s, 'float32'))
    const scratch = (spec.scratchShapes?.(shapes) ?? []).map((s) => be.makeOutput(s, 'float32'))
    // views only after every allocation, and again after each wasm call (the heap may grow and move)
    const arrays = (): KernelArrays => ({
      inputs: spec.inputNames.map((n) => be.typedArrayFromHeap(inputs[n]!) as Float32Array),
      outputs: outs.map((o) => be.typedArrayFromHeap(o) as Float32Array),
      scratch: scratch.map((o) => be.typedArrayFromHeap(o) as Float32Array)
    })
    const info = ([role, i]: BufferRef): tf.TensorInfo => (role === 'output' ? outs : scratch)[i]!
    spec.compute({ arrays, sigmoid: (src, dst) => sigmoidFn!(be.dataIdMap.get(info(src).dataId).id, be.dataIdMap.get(info(dst).dataId).id) }, shapes)
    for (const s of scratch) be.disposeData(s.dataId)
    return outs
  }
}

/**
 * Kernel configs running `spec` on the cpu backend (JS memory, JS sigmoid) and the wasm backend (heap views,
 * the backend's own vectorised Sigmoid writing into preallocated buffers).
 */
export function jsKernelConfigs(spec: JsKernelSpec): tf.KernelConfig[] {
  return [
    { kernelName: spec.name, backendName: 'cpu', kernelFunc: cpuKernel(spec) },
    { kernelName: spec.name, backendName: 'wasm', kernelFunc: wasmKernel(spec) }
  ]
}
