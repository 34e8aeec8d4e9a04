import { Worker } from 'node:worker_threads'
import type { ModelConfig } from '../../model/config'
import type { HostBatch } from '../../model/training/example'
import type { ShardGradients, ShardRunner } from '../../model/training/gradient-worker'
import type { WorkerReply, WorkerRequest } from './gradient-worker-thread'

export interface WorkerPoolOptions {
  backend?: 'wasm' | 'cpu'
  /** Register the project's wasm kernels in the workers (default true). */
  projectKernels?: boolean
  /** Worker script; defaults to the tsx bootstrap next to this file (dev, tests, CLI via tsx). */
  workerUrl?: URL
}

interface PendingRun {
  resolve: (r: ShardGradients) => void
  reject: (e: Error) => void
}

/**
 * Data-parallel gradient computation over worker_threads: each thread holds a model replica (GradientWorker);
 * every step the trainer sends it the current flat weights and one shard of the batch, and averages the returned
 * gradients with its own shard's. With one extra worker both cores of a 2-core machine are busy.
 */
export class WorkerShardRunner implements ShardRunner {
  private readonly pending = new Map<number, PendingRun>()
  private nextId = 0

  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on('message', (msg: WorkerReply) => {
        if (msg.type === 'ready') return
        const p = this.pending.get(msg.id)
        if (!p) return
        this.pending.delete(msg.id)
        if (msg.type === 'result') p.resolve({ grads: msg.grads, stats: msg.stats })
        else p.reject(new Error(`gradient worker: ${msg.message}`))
      })
      w.on('error', (err) => this.failAll(err))
    }
  }

  /** Starts `count` worker threads with replicas of `config` and waits until they are ready. */
  static async start(count: number, config: ModelConfig, opts: WorkerPoolOptions = {}): Promise<WorkerShardRunner> {
    const url = opts.workerUrl ?? new URL('./gradient-worker-entry.mjs', import.meta.url)
    const workers = Array.from({ length: count }, () => new Worker(url))
    const init: WorkerRequest = { type: 'init', config, backend: opts.backend ?? 'wasm', projectKernels: opts.projectKernels ?? true }
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const onMessage = (msg: WorkerReply): void => {
        if (msg.type === 'ready') resolve()
        if (msg.type === 'error') reject(new Error(`gradient worker failed to start: ${msg.message}`))
        w.off('message', onMessage)
      }
      w.on('message', onMessage)
      w.once('error', reject)
      w.postMessage(init)
    })))
    return new WorkerShardRunner(workers)
  }

  get parallelism(): number {
    return this.workers.length
  }

  run(weights: Float32Array, shards: HostBatch[], labelSmoothing: number): Promise<ShardGradients[]> {
    if (shards.length > this.workers.length) throw new Error(`${shards.length} shards for ${this.workers.length} workers`)
    return Promise.all(shards.map((shard, i) => new Promise<ShardGradients>((resolve, reject) => {
      const id = this.nextId++
      this.pending.set(id, { resolve, reject })
      this.workers[i]!.postMessage({ type: 'run', id, weights, shard, labelSmoothing } satisfies WorkerRequest)
    })))
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err)
    this.pending.clear()
  }

  async close(): Promise<void> {
    this.failAll(new Error('worker pool closed'))
    await Promise.all(this.workers.map((w) => w.terminate()))
  }
}
