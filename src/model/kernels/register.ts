import * as tf from '@tensorflow/tfjs'
import { makeConv2DBackpropFilterKernel } from './conv-filter-grad-kernel'
import { identityKernel } from './identity-kernel'
import { lstmCellKernelConfigs, registerLstmCellGradient } from './lstm-cell-kernels'
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

let mode: 'stock' | 'stock+missing' | 'project' = 'stock'

/** True while the project's wasm kernels are registered. */
export const projectKernelsActive = (): boolean => mode === 'project'

/**
 * Registers the project's wasm kernels (idempotent): region-only Slice/Unpack/SplitV (stock ones copy the
 * whole input per call, making per-step slicing O(T²)), BatchMatMul with explicit transposes, Tanh via the
 * vectorised Sigmoid, the missing Conv2DBackpropFilter (location-aware attention's gradient), a zero-copy
 * Identity (autodiff clones every saved input through it), and the fused LSTM cell kernels (wasm and cpu).
 * Call before or after tf.setBackend('wasm').
 */
export function registerProjectKernels(): void {
  if (mode === 'project') return
  unregisterProjectKernels()
  const [matMul, transpose, sigmoid, multiply, sub] = ['BatchMatMul', 'Transpose', 'Sigmoid', 'Multiply', 'Sub'].map(stock)
  replace('Slice', sliceKernel as unknown as KernelFunc)
  replace('Unpack', unpackKernel as unknown as KernelFunc)
  replace('SplitV', splitVKernel as unknown as KernelFunc)
  const batchMatMul = makeBatchMatMulKernel(matMul!, transpose!)
  replace('BatchMatMul', batchMatMul)
  replace('Tanh', makeTanhKernel({ sigmoid: sigmoid!, multiply: multiply!, sub: sub! }))
  replace('Conv2DBackpropFilter', makeConv2DBackpropFilterKernel(batchMatMul))
  replace('Identity', identityKernel as unknown as KernelFunc)
  for (const cfg of lstmCellKernelConfigs()) {
    if (cfg.backendName !== BACKEND) tf.registerKernel(cfg)
    else replace(cfg.kernelName, cfg.kernelFunc as unknown as KernelFunc)
  }
  registerLstmCellGradient()
  mode = 'project'
}

/**
 * Stock wasm kernels plus only what the stock backend lacks to train this model at all: Conv2DBackpropFilter
 * (location-aware attention's gradient), here over the stock BatchMatMul. The "stock" baseline of the benchmarks.
 */
export function registerStockKernelsWithMissing(): void {
  if (mode === 'stock+missing') return
  unregisterProjectKernels()
  replace('Conv2DBackpropFilter', makeConv2DBackpropFilterKernel(stock('BatchMatMul')))
  mode = 'stock+missing'
}

/** Restores the stock wasm kernels (benchmarks compare both in one process). */
export function unregisterProjectKernels(): void {
  for (const cfg of lstmCellKernelConfigs()) if (cfg.backendName !== BACKEND && tf.getKernel(cfg.kernelName, cfg.backendName)) tf.unregisterKernel(cfg.kernelName, cfg.backendName)
  for (const [name, original] of replaced) {
    tf.unregisterKernel(name, BACKEND)
    if (original) tf.registerKernel(original)
  }
  replaced.clear()
  mode = 'stock'
}
