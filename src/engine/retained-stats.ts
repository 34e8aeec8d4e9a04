import * as tf from '@tensorflow/tfjs'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { EngineStats } from '../shared/contract'

let gc: (() => void) | null = null

/**
 * The engine's resource use after a full garbage collection, so the figures are what is retained rather than
 * garbage not yet collected (leak checks compare them over hours; only benchmarks ask, a few times a run).
 * V8's gc() is exposed on first use.
 */
export function retainedStats(): EngineStats {
  if (!gc) {
    setFlagsFromString('--expose-gc')
    gc = runInNewContext('gc') as () => void
  }
  gc()
  const memory = process.memoryUsage()
  return { tensors: tf.memory().numTensors, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, handles: process.getActiveResourcesInfo().length }
}
