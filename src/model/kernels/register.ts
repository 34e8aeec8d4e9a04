import * as tf from '@tensorflow/tfjs'
import { conv2DBackpropFilterKernel } from './conv-filter-grad-kernel'
import { makeBatchMatMulKernel } from './matmul-kernel'
import { sliceKernel, splitVKernel, unpackKernel } from './slice-kernels'
import { makeTanhKernel } from './tanh-kernel'
import type { KernelFunc } from './wasm-internals'

const BACKEND = 'wasm'
/** Stock configs replaced by project kernels (null: the stock backend has no such kernel). */
const replaced = new Map<string, tf.KernelConfig | null>()

function stock(name: string): KernelFunc {
  const cfg = replaced.has(name) ? replaced.get(name) : tf.getKernel(name, BACKEND)
  if (!cfg) throw new Error(`wasm backend has no stock ${name} kernel`)
  return cfg.kernelFunc as unknown as KernelFunc
}

function replace(name: string, kernelFunc: KernelFunc): void {
  const original = tf.getKernel(name, BACKEND) ?? null
  replaced.set(name, original)
  if (original) tf.unregisterKernel(name, BACKEND)
  tf.registerKernel({ kernelName: name, backendName: BACKEND, kernelFunc: kernelFunc as unknown as tf.KernelFunc, setupFunc: original?.setupFunc, disposeFunc: original?.disposeFunc })
}

/** True while the project's wasm kernels are registered. */
export const projectKernelsActive = (): boolean => replaced.size > 0

/**
 * Registers the project's wasm kernels (idempotent): region-only Slice/Unpack/SplitV (stock ones copy the
 * whole input per call, making per-step slicing O(T²)), BatchMatMul with explicit transposes, Tanh via the
 * vectorised Sigmoid, and the missing Conv2DBackpropFilter (location-aware attention's gradient).
 * Call before or after tf.setBackend('wasm'); other backends are unaffected.
 */
export function registerProjectKernels(): void {
  if (projectKernelsActive()) return
  const [matMul, transpose, sigmoid] = ['BatchMatMul', 'Transpose', 'Sigmoid'].map(stock)
  replace('Slice', sliceKernel as unknown as KernelFunc)
  replace('Unpack', unpackKernel as unknown as KernelFunc)
  replace('SplitV', splitVKernel as unknown as KernelFunc)
  replace('BatchMatMul', makeBatchMatMulKernel(matMul!, transpose!))
  replace('Tanh', makeTanhKernel(sigmoid!))
  replace('Conv2DBackpropFilter', conv2DBackpropFilterKernel as unknown as KernelFunc)
}

/** Restores the stock wasm kernels (benchmarks compare both in one process). */
export function unregisterProjectKernels(): void {
  for (const [name, original] of replaced) {
    tf.unregisterKernel(name, BACKEND)
    if (original) tf.registerKernel(original)
  }
  replaced.clear()
}
