import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { RpcClient } from '../shared/rpc-client'
import type { ServerMessage } from '../shared/protocol'
import type { EngineHandle, SpawnEngine } from './engine-supervisor'

const entry = fileURLToPath(new URL('../engine/entry-node.ts', import.meta.url))
/** tsx resolved from this package, so the engine starts whatever the caller's working directory is. */
const tsxLoader = import.meta.resolve('tsx')

export interface EngineProcessOptions {
  /** Extra environment for the engine (e.g. S2S_BACKEND). */
  env?: Record<string, string>
  /** Receives the engine's stdout and stderr text; default: forwarded to this process's stderr. */
  onStderr?: (text: string) => void
  /** Called once when the process has exited, with a short description of why. */
  onExit?: (reason: string) => void
}

/**
 * The engine in a child process, for the browser host and the CLI: forks src/engine/entry-node.ts through tsx
 * and exposes it as an RpcClient. If the process dies, open calls fail with `engine-unavailable`.
 */
export class EngineProcess implements EngineHandle {
  readonly client: RpcClient
  readonly #child: ChildProcess
  #exited = false

  constructor(options: EngineProcessOptions = {}) {
    this.#child = fork(entry, [], {
      execArgv: ['--import', tsxLoader],
      env: { ...process.env, ...options.env },
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc']
    })
    this.client = new RpcClient((message) => {
      if (this.#exited || !this.#child.connected) throw new Error('engine process has exited')
      this.#child.send(message)
    })
    this.#child.on('message', (message) => this.client.receive(message as ServerMessage))
    const onStderr = options.onStderr ?? ((text: string) => process.stderr.write(text))
    // The engine's own output (and TF.js's console banners) is diagnostics, never the command's output.
    this.#child.stdout?.on('data', (chunk: Buffer) => onStderr(chunk.toString()))
    this.#child.stderr?.on('data', (chunk: Buffer) => onStderr(chunk.toString()))
    this.#child.on('exit', (code, signal) => {
      this.#exited = true
      const reason = signal ?? `exit ${code}`
      this.client.failAll({ code: 'engine-unavailable', message: `The engine stopped (${reason}).` })
      options.onExit?.(reason)
    })
  }

  get pid(): number | undefined {
    return this.#child.pid
  }

  get running(): boolean {
    return !this.#exited
  }

  /** Stops the engine process and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.#exited) return
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()))
    this.#child.kill('SIGTERM')
    await exited
  }
}

/** SpawnEngine for Node hosts (browser host, CLI): the engine as a child process. */
export function spawnChildEngine(options: Omit<EngineProcessOptions, 'onExit'> = {}): SpawnEngine {
  return (onExit) => new EngineProcess({ ...options, onExit })
}
