import { mkdtempSync, writeFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { EngineApi } from '../shared/rpc-client'
import { startBrowserHost, type BrowserHost } from './server'

/**
 * Issue 9, item 2: what a hostile local client can hold open. The limits are shortened so the test runs in
 * seconds; the defaults (DEFAULT_HOST_LIMITS) are the same mechanisms with longer times. The engine is a stub:
 * these tests are about sockets, not methods (server.test.ts covers the engine behind the socket).
 */
const limits = { headersTimeoutMs: 400, maxConnections: 4, heartbeatMs: 300 }
const engine: EngineApi = { call: async () => ({ pong: true, at: 0 }) as never, cancel: () => undefined, onEvent: () => () => undefined }
let host: BrowserHost

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 's2s-static-'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>s2s</title>')
  host = await startBrowserHost({ engine, staticDir, limits })
})
afterAll(() => host.close())

/** A raw TCP connection to the host; `closed` resolves with the milliseconds it stayed open and what it received. */
function rawSocket(address = '127.0.0.1'): { socket: Socket; closed: Promise<{ ms: number; received: string }> } {
  const opened = Date.now()
  const socket = connect(host.port, address)
  let received = ''
  socket.on('data', (chunk) => (received += chunk.toString()))
  const closed = new Promise<{ ms: number; received: string }>((resolve) => {
    socket.on('error', () => undefined)
    socket.on('close', () => resolve({ ms: Date.now() - opened, received }))
  })
  return { socket, closed }
}

async function getStatus(): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${host.port}/`)
  await res.arrayBuffer()
  return res.status
}

function openEngineSocket(autoPong: boolean): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/engine?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}`, autoPong })
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve(ws))
    ws.on('error', reject)
  })
}

describe('browser host connection limits', () => {
  it('listens on 127.0.0.1 only: other addresses of this machine refuse the connection', async () => {
    const others = Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal && a.family === 'IPv4').map((a) => a!.address)
    for (const address of [...others, '::1']) {
      const { socket, closed } = rawSocket(address)
      const connected = await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true))
        socket.once('error', () => resolve(false))
      })
      socket.destroy()
      await closed
      expect(connected, address).toBe(false)
    }
  })

  it('cuts off a slow-loris client that never finishes its headers', async () => {
    const { socket, closed } = rawSocket()
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`)
    const drip = setInterval(() => socket.writable && socket.write('X-Drip: 1\r\n'), 100)
    const { ms, received } = await closed
    clearInterval(drip)
    expect(ms).toBeLessThan(limits.headersTimeoutMs + 1500)
    expect(received).not.toContain('200 OK')
  })

  it('closes a connection that sends nothing at all', async () => {
    const { ms } = await rawSocket().closed
    expect(ms).toBeLessThan(limits.headersTimeoutMs + 1500)
  })

  it('refuses headers larger than 16 KiB', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/`, { headers: { 'X-Big': 'x'.repeat(20_000) } }).catch(() => null)
    expect(res === null || res.status === 431).toBe(true)
  })

  it('caps concurrent sockets, and serves again once they are gone', async () => {
    const held = Array.from({ length: limits.maxConnections }, () => rawSocket())
    await Promise.all(held.map(({ socket }) => new Promise((resolve) => socket.once('connect', resolve))))
    held.forEach(({ socket }) => socket.write('GET / HTTP/1.1\r\n'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const extra = rawSocket()
    extra.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`)
    expect((await extra.closed).received).toBe('')
    held.forEach(({ socket }) => socket.destroy())
    await Promise.all(held.map(({ closed }) => closed))
    expect(await getStatus()).toBe(200)
  })

  it('drops an engine socket whose peer stops answering pings, and keeps one that answers', async () => {
    const silent = await openEngineSocket(false)
    const live = await openEngineSocket(true)
    const code = await new Promise<number>((resolve) => silent.on('close', (c) => resolve(c)))
    expect(code).toBe(1006)
    await new Promise((resolve) => setTimeout(resolve, limits.heartbeatMs * 2))
    expect(live.readyState).toBe(WebSocket.OPEN)
    live.close()
  })
})
