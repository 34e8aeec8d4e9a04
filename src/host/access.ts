import { randomBytes, timingSafeEqual } from 'node:crypto'

/** A fresh per-run access token (192 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

/** Constant-time token comparison; false for missing or differently sized values. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The origins the host's own page is served from; anything else is a foreign page. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
}

/** Host header check against DNS rebinding: only our loopback names and port are served. */
export function hostHeaderAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}
