import type { WebSocket, WebSocketServer } from 'ws'

/**
 * Drops engine sockets whose peer has gone silent: every `everyMs` each socket is pinged, and one that has not
 * answered the previous ping is terminated (browsers answer pings by themselves). This bounds half-open
 * connections (a peer that vanished, or one that stalls mid-frame), which the HTTP timeouts no longer cover
 * once a socket is upgraded. Returns the stop function.
 */
export function startHeartbeat(sockets: WebSocketServer, everyMs: number): () => void {
  const answered = new WeakSet<WebSocket>()
  const timer = setInterval(() => {
    for (const ws of sockets.clients) {
      if (!answered.has(ws)) {
        ws.terminate()
        continue
      }
      answered.delete(ws)
      ws.ping()
    }
  }, everyMs)
  timer.unref()
  sockets.on('connection', (ws: WebSocket) => {
    answered.add(ws)
    ws.on('pong', () => answered.add(ws))
  })
  return () => clearInterval(timer)
}
