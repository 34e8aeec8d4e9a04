import type { EngineEvent, Method, ParamsOf, ResultOf } from './contract'
import { AppError, fromSerializedError, type SerializedError } from './errors'
import type { ClientMessage, ServerMessage } from './protocol'

/** What every front door (Electron preload, WebSocket page, CLI, browser host) offers on top of a transport. */
export interface EngineApi {
  /** Calls an engine method; `jobId` (optional, unique) lets the caller cancel it and match its progress events. */
  call<M extends Method>(method: M, params: ParamsOf<M>, jobId?: string): Promise<ResultOf<M>>
  /** Asks the engine to abort the call with this id; the call then rejects with code `cancelled`. */
  cancel(jobId: string): void
  /** Subscribes to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: EngineEvent) => void): () => void
}

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: AppError) => void
}

let counter = 0
/** A process-unique job id. */
export function newJobId(prefix = 'job'): string {
  counter += 1
  return `${prefix}-${Date.now().toString(36)}-${counter}`
}

/**
 * Request/reply bookkeeping over any message transport: the caller injects `send` and feeds every incoming
 * message to `receive`. Pure: no Node, DOM or Electron APIs.
 */
export class RpcClient implements EngineApi {
  readonly #pending = new Map<string, Pending>()
  readonly #listeners = new Set<(event: EngineEvent) => void>()

  constructor(private readonly send: (message: ClientMessage) => void) {}

  call<M extends Method>(method: M, params: ParamsOf<M>, jobId: string = newJobId()): Promise<ResultOf<M>> {
    if (this.#pending.has(jobId)) return Promise.reject(new AppError('bad-request', `Job id ${jobId} is already in use.`))
    return new Promise<ResultOf<M>>((resolve, reject) => {
      this.#pending.set(jobId, { resolve: resolve as (v: unknown) => void, reject })
      try {
        this.send({ kind: 'call', id: jobId, method, params })
      } catch (err) {
        this.#pending.delete(jobId)
        reject(new AppError('engine-unavailable', `The engine is not reachable: ${String(err)}`))
      }
    })
  }

  cancel(jobId: string): void {
    if (this.#pending.has(jobId)) this.send({ kind: 'cancel', id: jobId })
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Feeds one message from the transport. Unknown ids are ignored (late replies after a failure). */
  receive(message: ServerMessage): void {
    if (message.kind === 'event') {
      for (const listener of this.#listeners) listener(message.event)
      return
    }
    const pending = message.id === null ? undefined : this.#pending.get(message.id)
    if (!pending) return
    this.#pending.delete(message.id!)
    if (message.kind === 'result') pending.resolve(message.result)
    else pending.reject(fromSerializedError(message.error))
  }

  /** Rejects every open call, e.g. when the engine process died or the socket closed. */
  failAll(error: SerializedError): void {
    const open = [...this.#pending.values()]
    this.#pending.clear()
    for (const pending of open) pending.reject(fromSerializedError(error))
  }

  get openCalls(): number {
    return this.#pending.size
  }
}
