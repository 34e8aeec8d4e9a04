import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { parentPort } from 'node:worker_threads'
import type { ModelConfig } from '../../model/config'
import { registerProjectKernels, registerStockKernelsWithMissing } from '../../model/kernels/register'
import type { HostBatch } from '../../model/training/example'
import { GradientWorker } from '../../model/training/gradient-worker'

/** Messages the driver sends to a gradient worker thread. */
export type WorkerRequest =
  | { type: 'init'; config: ModelConfig; backend: 'wasm' | 'cpu'; projectKernels: boolean }
  | { type: 'run'; id: number; weights: Float32Array; shard: HostBatch; labelSmoothing: number }

/** Replies of a gradient worker thread. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; grads: Float32Array; stats: import('../../model/training/gradients').LossStats }
  | { type: 'error'; id: number; message: string }

let worker: GradientWorker | null = null
const port = parentPort!

port.on('message', async (msg: WorkerRequest) => {
  try {
    if (msg.type === 'init') {
      await tf.setBackend(msg.backend)
      if (msg.projectKernels) registerProjectKernels()
      else if (msg.backend === 'wasm') registerStockKernelsWithMissing()
      worker = new GradientWorker(msg.config)
      port.postMessage({ type: 'ready' } satisfies WorkerReply)
      return
    }
    if (!worker) throw new Error('gradient worker used before init')
    const { grads, stats } = worker.compute(msg.weights, msg.shard, msg.labelSmoothing)
    port.postMessage({ type: 'result', id: msg.id, grads, stats } satisfies WorkerReply, [grads.buffer as ArrayBuffer])
  } catch (err) {
    port.postMessage({ type: 'error', id: msg.type === 'run' ? msg.id : -1, message: err instanceof Error ? err.message : String(err) } satisfies WorkerReply)
  }
})
