import { checkParams, isHostMethod, isMethod, unknownMethod, type EngineEvent, type Method } from '../shared/contract'
import { toSerializedError } from '../shared/errors'
import { clientMessageSchema, type ServerMessage } from '../shared/protocol'
import { createJobContext } from './job-context'
import type { MethodHandlers } from './methods'

/**
 * The engine's message loop, independent of transport: `handle` takes one raw incoming message and answers
 * through `post`. Every call is schema-checked here (the engine boundary), runs with its own AbortController,
 * and ends in exactly one result or error message.
 */
export class Engine {
  readonly #jobs = new Map<string, AbortController>()

  constructor(
    private readonly handlers: MethodHandlers,
    private readonly post: (message: ServerMessage) => void
  ) {}

  emit(event: EngineEvent): void {
    this.post({ kind: 'event', event })
  }

  handle(raw: unknown): void {
    const parsed = clientMessageSchema.safeParse(raw)
    if (!parsed.success) {
      this.post({ kind: 'error', id: idOf(raw), error: { code: 'bad-request', message: `Malformed message: ${parsed.error.issues[0]?.message ?? 'invalid'}` } })
      return
    }
    const message = parsed.data
    if (message.kind === 'cancel') {
      this.#jobs.get(message.id)?.abort()
      return
    }
    void this.#run(message.id, message.method, message.params)
  }

  /** Number of calls still running (used by tests and shutdown). */
  get runningJobs(): number {
    return this.#jobs.size
  }

  async #run(id: string, method: string, params: unknown): Promise<void> {
    if (this.#jobs.has(id)) {
      this.post({ kind: 'error', id, error: { code: 'bad-request', message: `Job id ${id} is already running.` } })
      return
    }
    const controller = new AbortController()
    this.#jobs.set(id, controller)
    try {
      const result = await this.#dispatch(id, method, params, controller.signal)
      this.post({ kind: 'result', id, result })
    } catch (err) {
      const error = controller.signal.aborted ? { code: 'cancelled' as const, message: 'Cancelled.' } : toSerializedError(err)
      this.post({ kind: 'error', id, error })
    } finally {
      this.#jobs.delete(id)
    }
  }

  async #dispatch(id: string, method: string, params: unknown, signal: AbortSignal): Promise<unknown> {
    if (!isMethod(method) || isHostMethod(method)) throw unknownMethod(method)
    const checked = checkParams(method, params)
    const ctx = createJobContext(id, signal, (event) => this.emit(event))
    const handler = this.handlers[method] as (p: unknown, c: typeof ctx) => Promise<unknown>
    return handler(checked, ctx)
  }
}

function idOf(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string') return raw.id.slice(0, 64)
  return null
}

export type { Method }
