import type { EngineEvent, EngineState, Method, ParamsOf, ResultOf } from '../shared/contract'
import type { EngineApi, RpcClient } from '../shared/rpc-client'

/** A running engine process as the supervisor needs it, whatever started it (child_process or utilityProcess). */
export interface EngineHandle {
  readonly client: RpcClient
  readonly pid: number | undefined
  stop(): Promise<void>
}

/** Starts one engine process; `onExit` must be called once when it ends. */
export type SpawnEngine = (onExit: (reason: string) => void) => EngineHandle

const RESTART_DELAYS_MS = [200, 1000, 5000]

/**
 * Keeps one engine child process alive: starts it, reports its state as `engine-state` events, and restarts it
 * after a crash with a growing delay. Callers see one stable EngineApi across restarts; calls that were running
 * when the process died reject with `engine-unavailable`.
 */
export class EngineSupervisor implements EngineApi {
  #process!: EngineHandle
  #state: EngineState = 'starting'
  #restarts = 0
  #stopping = false
  readonly #listeners = new Set<(event: EngineEvent) => void>()

  constructor(private readonly spawn: SpawnEngine) {
    this.#spawn()
  }

  get state(): EngineState {
    return this.#state
  }

  get pid(): number | undefined {
    return this.#process.pid
  }

  call<M extends Method>(method: M, params: ParamsOf<M>, jobId?: string): Promise<ResultOf<M>> {
    return this.#process.client.call(method, params, jobId)
  }

  cancel(jobId: string): void {
    this.#process.client.cancel(jobId)
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Resolves when the engine answers a ping (backend chosen, ready for calls). */
  async ready(): Promise<void> {
    await this.call('engine.ping', {})
  }

  async stop(): Promise<void> {
    this.#stopping = true
    await this.#process.stop()
    this.#setState('down', 'stopped')
  }

  #spawn(): void {
    this.#process = this.spawn((reason) => this.#onExit(reason))
    this.#process.client.onEvent((event) => this.#emit(event))
    this.#process.client.call('engine.ping', {}).then(
      () => this.#setState('ready', `engine pid ${this.#process.pid}`),
      () => undefined // the exit handler reports the failure
    )
  }

  #onExit(reason: string): void {
    if (this.#stopping) return
    const delay = RESTART_DELAYS_MS[Math.min(this.#restarts, RESTART_DELAYS_MS.length - 1)]!
    this.#restarts += 1
    this.#setState('restarting', `engine stopped (${reason}); restarting in ${delay} ms`)
    setTimeout(() => {
      if (!this.#stopping) this.#spawn()
    }, delay).unref()
  }

  #setState(state: EngineState, detail: string): void {
    this.#state = state
    this.#emit({ type: 'engine-state', state, detail })
  }

  #emit(event: EngineEvent): void {
    for (const listener of this.#listeners) listener(event)
  }
}
