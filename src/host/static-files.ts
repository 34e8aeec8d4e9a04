import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon'
}

/**
 * Resolves a URL path inside `root`, or null when it would escape it (`..`, encoded separators, NUL bytes).
 * "/" maps to index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = normalize(decoded === '/' ? '/index.html' : decoded)
  if (relative.split(/[/\\]/).includes('..')) return null
  const full = join(root, relative)
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null
}

/** Streams a file from `root` with a content type, or answers 404/400 as plain text. */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<void> {
  const path = resolveStaticPath(root, urlPath)
  if (!path) return plain(res, 400, 'Bad path.')
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) return plain(res, 404, 'Not found.')
  res.writeHead(200, {
    'Content-Type': contentTypes[extname(path)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache'
  })
  createReadStream(path).pipe(res)
}

export function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text + '\n')
}
