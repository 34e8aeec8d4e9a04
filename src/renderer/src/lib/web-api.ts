import type { EngineEvent } from '../../../shared/contract'
import type { ClientMessage, ServerMessage } from '../../../shared/protocol'
import { RpcClient, type EngineApi } from '../../../shared/rpc-client'

const TOKEN_KEY = 's2s-token'
const RETRY_MS = 1000

/** The access token from `?token=` (kept in sessionStorage so a reload works, removed from the address bar). */
function takeToken(): string | null {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    history.replaceState(null, '', url)
  }
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY)
}

/**
 * EngineApi over the browser host's WebSocket. Reconnects after a drop; while disconnected, calls fail with
 * `engine-unavailable` and an `engine-state: down` event tells the UI why.
 */
export function connectWebSocketApi(): EngineApi {
  const token = takeToken()
  let socket: WebSocket | null = null
  const outbox: ClientMessage[] = []
  const client = new RpcClient((message) => {
    if (!token) throw new Error('no access token')
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message))
    else outbox.push(message)
  })
  const announce = (event: EngineEvent): void => client.receive({ kind: 'event', event })

  function connect(): void {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/engine?token=${encodeURIComponent(token ?? '')}`
    socket = new WebSocket(url)
    socket.onopen = () => {
      for (const message of outbox.splice(0)) socket?.send(JSON.stringify(message))
      announce({ type: 'engine-state', state: 'starting', detail: 'connected to the host' })
    }
    socket.onmessage = (event) => client.receive(JSON.parse(String(event.data)) as ServerMessage)
    socket.onclose = () => {
      outbox.length = 0
      client.failAll({ code: 'engine-unavailable', message: 'Lost the connection to the s2s host.' })
      announce({ type: 'engine-state', state: 'down', detail: 'not connected to the s2s host (is `npm run web` still running?); retrying' })
      setTimeout(connect, RETRY_MS)
    }
  }

  if (token) connect()
  else queueMicrotask(() => announce({ type: 'engine-state', state: 'down', detail: 'no access token: open the URL that `npm run web` printed' }))
  return client
}
