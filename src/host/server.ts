import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import type { EngineApi } from '../shared/rpc-client'
import { hostHeaderAllowed, newToken, ownOrigins, tokenMatches } from './access'
import { bridgeConnection } from '../node/engine-bridge'
import { startHeartbeat } from './heartbeat'
import { plain, serveStatic } from './static-files'

/** Largest WebSocket message accepted (audio chunks are far smaller); bigger ones close the socket (1009). */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024

/** What one client may hold open: bounds against slow-loris, idle and half-open connections. */
export interface HostLimits {
  /** Time a client has to send a request's headers; a slower one (slow-loris) is cut off. */
  headersTimeoutMs: number
  /** Sockets open at once (page requests and engine sockets together); connections beyond it are closed at once. */
  maxConnections: number
  /** Engine sockets are pinged this often; one that did not answer the previous ping is dropped. */
  heartbeatMs: number
}

export const DEFAULT_HOST_LIMITS: HostLimits = { headersTimeoutMs: 10_000, maxConnections: 32, heartbeatMs: 30_000 }

export interface BrowserHostOptions {
  engine: EngineApi
  /** Folder with the built renderer (index.html + assets). */
  staticDir: string
  /** 0 (default) picks a free port. */
  port?: number
  token?: string
  /** Tests shorten these; the defaults suit a person's browser. */
  limits?: Partial<HostLimits>
}

export interface BrowserHost {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const securityHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin'
}

/**
 * Serves the built renderer and the engine on 127.0.0.1 only. The page is public (it is our own code); the
 * engine socket (/engine) needs the per-run token and our own Origin. Host headers other than our loopback
 * names are refused (DNS rebinding).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? newToken()
  const limits = { ...DEFAULT_HOST_LIMITS, ...options.limits }
  // Node checks the header and request timeouts every connectionsCheckingInterval (30 s by default).
  const server = createServer({ connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs) })
  server.headersTimeout = limits.headersTimeoutMs
  server.requestTimeout = Math.max(30_000, limits.headersTimeoutMs)
  server.keepAliveTimeout = 5_000
  server.maxConnections = limits.maxConnections
  const port = await listen(server, options.port ?? 0)
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  const stopHeartbeat = startHeartbeat(sockets, limits.heartbeatMs)

  server.on('request', (req, res) => {
    if (!hostHeaderAllowed(req.headers.host, port)) return plain(res, 421, 'Unknown host.')
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed.')
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    void serveStatic(options.staticDir, url.pathname, res)
  })

  server.on('upgrade', (req, socket, head) => {
    const refusal = refuseUpgrade(req, port, token)
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      sockets.emit('connection', ws, req)
      attach(ws, options.engine)
    })
  })

  const url = `http://127.0.0.1:${port}/?token=${token}`
  return {
    url,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        stopHeartbeat()
        for (const client of sockets.clients) client.terminate()
        sockets.close()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** Why an upgrade is refused ("401 Unauthorized" style status line), or null to accept it. */
function refuseUpgrade(req: IncomingMessage, port: number, token: string): string | null {
  if (!hostHeaderAllowed(req.headers.host, port)) return '421 Misdirected Request'
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  if (url.pathname !== '/engine') return '404 Not Found'
  if (!ownOrigins(port).includes(req.headers.origin ?? '')) return '403 Forbidden'
  if (!tokenMatches(token, url.searchParams.get('token'))) return '401 Unauthorized'
  return null
}

function attach(ws: WebSocket, engine: EngineApi): void {
  const bridge = bridgeConnection(engine, (message) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
  })
  const refuse = (message: string): void => ws.send(JSON.stringify({ kind: 'error', id: null, error: { code: 'bad-request', message } }))
  ws.on('message', (data, isBinary) => {
    if (isBinary) return refuse('Binary messages are not accepted.')
    let raw: unknown
    try {
      raw = JSON.parse(data.toString())
    } catch {
      return refuse('Message is not valid JSON.')
    }
    bridge.receive(raw)
  })
  ws.on('close', () => bridge.close())
  ws.on('error', () => ws.terminate())
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}
