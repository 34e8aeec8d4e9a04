import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import type { BackendAttempt, BackendName } from '../shared/contract'
import { registerProjectKernels } from '../model/kernels/register'

export interface BackendChoice {
  backend: BackendName
  attempts: BackendAttempt[]
}

/** Native TF.js bindings are optional dependencies: their absence is a normal, logged condition. */
const nativePackages: Record<'tensorflow-gpu' | 'tensorflow', string> = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node'
}

const preference: BackendName[] = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']

async function tryBackend(name: BackendName): Promise<string> {
  if (name === 'tensorflow-gpu' || name === 'tensorflow') {
    const spec = nativePackages[name]
    await import(/* @vite-ignore */ spec)
    if (!(await tf.setBackend('tensorflow'))) throw new Error(`${spec} loaded but its backend did not initialise`)
    return `${spec} loaded`
  }
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') returned false`)
  await tf.ready()
  return name === 'wasm' ? 'WebAssembly backend ready (single-threaded under Node)' : 'pure-JS backend (slow)'
}

function describeFailure(name: BackendName, err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  if (/Cannot find (module|package)/.test(text)) return `${nativePackages[name as 'tensorflow']} is not installed`
  return text.split('\n')[0]!
}

/**
 * Picks the fastest backend that loads: tensorflow-gpu → tensorflow → wasm → cpu.
 * `forced` (from S2S_BACKEND) skips the others, so tests and users can pin one.
 * Every attempt is recorded with its reason and passed to `log`.
 */
export async function selectBackend(log: (line: string) => void, forced?: string): Promise<BackendChoice> {
  const order = forced ? preference.filter((name) => name === forced) : preference
  if (order.length === 0) throw new Error(`S2S_BACKEND=${forced} is not one of ${preference.join(', ')}`)
  const attempts: BackendAttempt[] = []
  for (const name of order) {
    try {
      const reason = await tryBackend(name)
      attempts.push({ name, ok: true, reason })
      log(`backend ${name}: taken (${reason})`)
      return { backend: name, attempts }
    } catch (err) {
      const reason = describeFailure(name, err)
      attempts.push({ name, ok: false, reason })
      log(`backend ${name}: not taken (${reason})`)
    }
  }
  throw new Error(`no TF.js backend could start: ${attempts.map((a) => `${a.name}: ${a.reason}`).join('; ')}`)
}

/**
 * Everything a process needs before running the model: the backend (S2S_BACKEND pins one) and the project's
 * kernels (custom fused ops and the faster wasm replacements).
 */
export async function prepareTensorRuntime(log: (line: string) => void): Promise<BackendChoice> {
  const choice = await selectBackend(log, process.env.S2S_BACKEND)
  registerProjectKernels()
  return choice
}
