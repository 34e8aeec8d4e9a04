import { checkParams, isHostMethod, isJobEvent, isMethod, LOCAL_ONLY_METHODS, unknownMethod } from '../shared/contract'
import type { EngineApi } from '../shared/rpc-client'
import { clientMessageSchema, type ServerMessage } from '../shared/protocol'
import { toSerializedError } from '../shared/errors'

let connectionCounter = 0

/**
 * Connects one page (a WebSocket in the browser host, the window's IPC channel in Electron) to the shared engine. Job ids are namespaced per connection so two tabs
 * cannot collide or cancel each other's work; `host.ping` is answered here; calls are checked against the contract
 * here (so nothing malformed reaches the engine's channel) and again by the engine. Closing the connection cancels its running jobs.
 */
export function bridgeConnection(engine: EngineApi, send: (message: ServerMessage) => void) {
  connectionCounter += 1
  const prefix = `c${connectionCounter}:`
  const open = new Set<string>()
  const unsubscribe = engine.onEvent((event) => {
    if (!isJobEvent(event)) return send({ kind: 'event', event })
    if (open.has(event.jobId)) send({ kind: 'event', event: { ...event, jobId: event.jobId.slice(prefix.length) } })
  })

  /** Takes one already-decoded message from the page. */
  function receive(raw: unknown): void {
    const parsed = clientMessageSchema.safeParse(raw)
    if (!parsed.success) {
      return send({ kind: 'error', id: null, error: { code: 'bad-request', message: `Malformed message: ${parsed.error.issues[0]?.message ?? 'invalid'}` } })
    }
    const message = parsed.data
    const engineId = prefix + message.id
    if (message.kind === 'cancel') return engine.cancel(engineId)
    if (isHostMethod(message.method)) return send({ kind: 'result', id: message.id, result: { pong: true, at: Date.now() } })
    if (!isMethod(message.method)) return send({ kind: 'error', id: message.id, error: toSerializedError(unknownMethod(message.method)) })
    if (LOCAL_ONLY_METHODS.has(message.method)) {
      return send({ kind: 'error', id: message.id, error: { code: 'unauthorized', message: `${message.method} is only available to local tools (the s2s command line).` } })
    }
    let params: unknown
    try {
      params = checkParams(message.method, message.params)
    } catch (err) {
      return send({ kind: 'error', id: message.id, error: toSerializedError(err) })
    }
    open.add(engineId)
    engine
      .call(message.method, params as never, engineId)
      .then(
        (result) => send({ kind: 'result', id: message.id, result }),
        (err: unknown) => send({ kind: 'error', id: message.id, error: toSerializedError(err) })
      )
      .finally(() => open.delete(engineId))
  }

  function close(): void {
    unsubscribe()
    for (const id of open) engine.cancel(id)
  }

  return { receive, close }
}
