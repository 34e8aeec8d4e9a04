import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerProjectKernels, unregisterProjectKernels } from './register'
import { sliceKernel } from './slice-kernels'
import { lstmCellFused } from './lstm-cell-kernels'

/** Runs `f` on cpu and on wasm with the project kernels and returns both results as flat arrays. */
async function onBoth(f: () => tf.Tensor | tf.Tensor[]): Promise<[Float32Array[], Float32Array[]]> {
  const run = async (backend: string): Promise<Float32Array[]> => {
    await tf.setBackend(backend)
    const out = tf.tidy(f)
    const list = Array.isArray(out) ? out : [out]
    const data = list.map((t) => Float32Array.from(t.dataSync()))
    tf.dispose(list)
    return data
  }
  return [await run('cpu'), await run('wasm')]
}

function expectClose(a: Float32Array[], b: Float32Array[], tol: number): void {
  expect(b.length).toBe(a.length)
  a.forEach((x, i) => {
    expect(b[i]!.length).toBe(x.length)
    let worst = 0
    x.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - b[i]![j]!))))
    expect(worst).toBeLessThanOrEqual(tol)
  })
}

const data = (shape: number[], seed: number): tf.Tensor => tf.randomUniform(shape, -3, 3, 'float32', seed)

beforeAll(async () => {
  await tf.setBackend('wasm')
  registerProjectKernels()
})
afterAll(() => unregisterProjectKernels())

describe('project wasm kernels match the cpu backend', () => {
  it('are the registered wasm kernels (and unregistering restores stock)', () => {
    expect(tf.getKernel('Slice', 'wasm')?.kernelFunc).toBe(sliceKernel)
    unregisterProjectKernels()
    expect(tf.getKernel('Slice', 'wasm')?.kernelFunc).not.toBe(sliceKernel)
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined()
    registerProjectKernels()
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined()
  })

  it('Slice: contiguous, strided and rank-1 regions', async () => {
    const [cpu, wasm] = await onBoth(() => {
      const x = data([5, 4, 6], 1)
      return [tf.slice(x, [2, 0, 0], [1, 4, 6]), tf.slice(x, [1, 1, 2], [3, 2, 3]), tf.slice(data([9], 2), [3], [4]), tf.slice(x, [0, 0, 5], [5, 4, 1])]
    })
    expectClose(cpu, wasm, 0)
  })

  it('Unpack and SplitV (unstack over time, split along the last axis)', async () => {
    const [cpu, wasm] = await onBoth(() => {
      const x = data([4, 3, 8], 3)
      return [...tf.unstack(x), ...tf.unstack(x, 2), ...tf.split(x, [2, 6], 2), ...tf.split(x, 2, 0)]
    })
    expectClose(cpu, wasm, 0)
  })

  it('BatchMatMul with every transpose combination, batched and broadcast', async () => {
    const [cpu, wasm] = await onBoth(() => {
      const a = data([3, 5, 7], 4)
      const b = data([3, 7, 2], 5)
      return [
        tf.matMul(a, b), tf.matMul(tf.transpose(a, [0, 2, 1]), b, true, false), tf.matMul(a, tf.transpose(b, [0, 2, 1]), false, true),
        tf.matMul(tf.transpose(a, [0, 2, 1]), tf.transpose(b, [0, 2, 1]), true, true), tf.matMul(data([6, 4], 6), data([5, 4], 7), false, true),
        // matrix-vector products with transposes (computed in JS)
        tf.matMul(data([7, 5], 12), data([7, 1], 13), true, false), tf.matMul(data([1, 6], 14), data([4, 6], 15), false, true),
        tf.matMul(data([3, 1, 5], 16), data([3, 4, 5], 17), false, true), tf.matMul(data([3, 5, 2], 18), data([1, 5, 1], 19), true, false),
        tf.matMul(data([6, 1], 20), data([4, 6], 21), true, true)
      ]
    })
    expectClose(cpu, wasm, 1e-4)
  })

  it('Tanh', async () => {
    const [cpu, wasm] = await onBoth(() => tf.tanh(tf.concat([data([1000], 8), tf.tensor1d([0, 1e-4, -20, 20, 40])])))
    expectClose(cpu, wasm, 1e-6)
  })

  it('fused LSTM cell: outputs and registered gradient (wasm runs the sigmoid passes on the heap)', async () => {
    const [cpu, wasm] = await onBoth(() => {
      const z = data([3, 20], 22) as tf.Tensor2D
      const c = data([3, 5], 23) as tf.Tensor2D
      const peep = tf.mul(data([3, 5], 24), 0.3) as tf.Tensor2D
      const mask = tf.tensor2d([[1], [0], [1]])
      const out = lstmCellFused(z, c, peep, mask)
      const w = data([3, 5], 25)
      const g = tf.grads((zz: tf.Tensor, cc: tf.Tensor, pp: tf.Tensor) => {
        const o = lstmCellFused(zz as tf.Tensor2D, cc as tf.Tensor2D, pp as tf.Tensor2D, mask)
        return tf.add(tf.sum(tf.mul(o.h, w)), tf.sum(tf.mul(o.c, tf.square(w))))
      })
      return [out.h, out.c, out.act, out.cRaw, out.tanhC, ...g([z, c, peep])]
    })
    expectClose(cpu, wasm, 2e-6)
  })

  it('Conv2DBackpropFilter through the conv1d gradient (same padding, several channels)', async () => {
    const [cpu, wasm] = await onBoth(() => {
      const x = data([2, 9, 3], 9) as tf.Tensor3D
      const w = data([5, 3, 4], 10) as tf.Tensor3D
      const dy = data([2, 9, 4], 11)
      const g = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.mul(tf.conv1d(xx as tf.Tensor3D, ww as tf.Tensor3D, 1, 'same'), dy)))
      return g([x, w])
    })
    expectClose(cpu, wasm, 1e-4)
  })
})
