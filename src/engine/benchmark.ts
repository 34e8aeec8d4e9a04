import * as tf from '@tensorflow/tfjs'
import type { BackendName, BenchmarkResult } from '../shared/contract'
import type { JobContext } from './job-context'

const SIZE = 256

/**
 * Measures dense matmul throughput for `seconds` on the active backend. Yields to the event loop between
 * iterations so the engine keeps answering (ping, cancel) while it runs.
 */
export async function runMatmulBenchmark(seconds: number, ctx: JobContext): Promise<BenchmarkResult> {
  const a = tf.randomNormal([SIZE, SIZE]) // [S, S]
  const started = performance.now()
  let iterations = 0
  try {
    while (performance.now() - started < seconds * 1000) {
      ctx.signal.throwIfAborted()
      const product = tf.matMul(a, a) // [S, S]
      await product.data()
      product.dispose()
      iterations += 1
      ctx.progress(Math.min(1, (performance.now() - started) / (seconds * 1000)), `${iterations} matmuls`)
      await new Promise((resolve) => setImmediate(resolve))
    }
  } finally {
    a.dispose()
  }
  const elapsed = (performance.now() - started) / 1000
  return { backend: tf.getBackend() as BackendName, iterations, gflops: (iterations * 2 * SIZE ** 3) / elapsed / 1e9 }
}
