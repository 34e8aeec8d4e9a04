import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { EngineSupervisor } from '../node/engine-supervisor'
import { spawnChildEngine } from '../node/engine-process'
import type { ServerMessage } from '../shared/protocol'
import { startBrowserHost, MAX_MESSAGE_BYTES, type BrowserHost } from './server'

let engine: EngineSupervisor
let host: BrowserHost
let staticDir: string

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 's2s-static-'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>s2s</title>')
  mkdirSync(join(staticDir, 'assets'))
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(tmpdir(), 's2s-secret.txt'), 'secret')
  engine = new EngineSupervisor(spawnChildEngine({ env: { S2S_BACKEND: 'cpu' }, onStderr: () => undefined }))
  await engine.ready()
  host = await startBrowserHost({ engine, staticDir })
})

afterAll(async () => {
  await host.close()
  await engine.stop()
})

/** Opens a socket with the given token/origin; resolves with the open socket or the refusal status code. */
function open(token: string | null, origin = `http://127.0.0.1:${host.port}`): Promise<WebSocket | number> {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/engine${query}`, { origin })
  return new Promise((resolve) => {
    ws.on('open', () => resolve(ws))
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.on('error', () => resolve(-1))
  })
}

/** Sends one raw text frame and resolves with the first non-event reply. */
function exchange(ws: WebSocket, text: string): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(data.toString()) as ServerMessage
      if (message.kind === 'event') return
      ws.off('message', onMessage)
      resolve(message)
    }
    ws.on('message', onMessage)
    ws.send(text)
  })
}

function get(path: string, hostHeader = `127.0.0.1:${host.port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: hostHeader } }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('browser host access control', () => {
  it('binds to loopback only and prints a tokenised URL', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`))
  })

  it('refuses a socket without a token', async () => {
    expect(await open(null)).toBe(401)
  })

  it('refuses a socket with a wrong token', async () => {
    expect(await open('x'.repeat(host.token.length))).toBe(401)
    expect(await open(host.token.slice(1))).toBe(401)
    expect(await open(`${host.token}x`)).toBe(401)
  })

  it('refuses a socket from a foreign origin even with the right token', async () => {
    expect(await open(host.token, 'http://evil.example')).toBe(403)
    expect(await open(host.token, `http://127.0.0.1:${host.port + 1}`)).toBe(403)
    expect(await open(host.token, 'null')).toBe(403)
  })

  it('refuses requests with a foreign Host header (DNS rebinding)', async () => {
    expect((await get('/', 'evil.example:80')).status).toBe(421)
  })

  it('serves the page and refuses path traversal', async () => {
    expect((await get('/')).status).toBe(200)
    expect((await get('/assets/app.js')).status).toBe(200)
    const attempts = ['/../s2s-secret.txt', '/%2e%2e/s2s-secret.txt', '/assets/..%2f..%2fs2s-secret.txt', '/%00', '/..%5cs2s-secret.txt', '/%252e%252e/s2s-secret.txt', '//etc/passwd', '/%c0%ae%c0%ae/s2s-secret.txt', '/assets/../../s2s-secret.txt']
    for (const path of attempts) {
      const res = await get(path)
      expect(res.status, path).toBeGreaterThanOrEqual(400)
      expect(res.body).not.toContain('secret')
    }
  })
})

describe('browser host messages', () => {
  it('answers malformed JSON, malformed envelopes, unknown and local-only methods with clear errors, and keeps serving', async () => {
    const ws = (await open(host.token)) as WebSocket
    const notJson = await exchange(ws, '{not json')
    expect(notJson).toMatchObject({ kind: 'error', error: { code: 'bad-request', message: 'Message is not valid JSON.' } })
    const badEnvelope = await exchange(ws, JSON.stringify({ kind: 'call', id: 7 }))
    expect(badEnvelope).toMatchObject({ kind: 'error', error: { code: 'bad-request' } })
    const unknown = await exchange(ws, JSON.stringify({ kind: 'call', id: 'u1', method: 'engine.selfDestruct', params: {} }))
    expect(unknown).toMatchObject({ kind: 'error', id: 'u1', error: { code: 'unknown-method' } })
    const badParams = await exchange(ws, JSON.stringify({ kind: 'call', id: 'p1', method: 'engine.benchmark', params: { seconds: 'lots' } }))
    expect(badParams).toMatchObject({ kind: 'error', id: 'p1', error: { code: 'bad-request' } })
    const local = await exchange(ws, JSON.stringify({ kind: 'call', id: 'l1', method: 'asr.evaluate', params: { manifest: '/etc/passwd' } }))
    expect(local).toMatchObject({ kind: 'error', id: 'l1', error: { code: 'unauthorized' } })
    // Params nested deeper than any serialiser's stack (inside the size limit) are refused here, not passed on.
    const deep = `{"kind":"call","id":"d1","method":"dictation.push","params":{"sessionId":"s","features":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`
    expect(await exchange(ws, deep)).toMatchObject({ kind: 'error', id: 'd1', error: { code: 'bad-request' } })
    const info = await exchange(ws, JSON.stringify({ kind: 'call', id: 'i1', method: 'engine.info', params: {} }))
    expect(info).toMatchObject({ kind: 'result', id: 'i1', result: { backend: 'cpu' } })
    ws.close()
  })

  it('closes a socket that sends an oversized message, and the host survives', async () => {
    const ws = (await open(host.token)) as WebSocket
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1))
    expect(await closed).toBe(1009)
    const again = (await open(host.token)) as WebSocket
    expect(await exchange(again, JSON.stringify({ kind: 'call', id: 'h', method: 'host.ping', params: {} }))).toMatchObject({ kind: 'result', id: 'h' })
    again.close()
  })

  it('stays responsive while the engine runs a long job, which can then be cancelled', async () => {
    const ws = (await open(host.token)) as WebSocket
    const order: string[] = []
    const replies = new Map<string, ServerMessage>()
    const done = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as ServerMessage
        if (message.kind === 'event' || message.id === null) return
        order.push(message.id)
        replies.set(message.id, message)
        if (message.id === 'long') resolve()
      })
    )
    ws.send(JSON.stringify({ kind: 'call', id: 'long', method: 'engine.benchmark', params: { seconds: 30 } }))
    ws.send(JSON.stringify({ kind: 'call', id: 'hp', method: 'host.ping', params: {} }))
    ws.send(JSON.stringify({ kind: 'call', id: 'ep', method: 'engine.ping', params: {} }))
    await expect.poll(() => order.length, { timeout: 20_000 }).toBe(2)
    ws.send(JSON.stringify({ kind: 'cancel', id: 'long' }))
    await done
    expect(order).toEqual(['hp', 'ep', 'long'])
    expect(replies.get('long')).toMatchObject({ kind: 'error', error: { code: 'cancelled' } })
    ws.close()
  })
})
