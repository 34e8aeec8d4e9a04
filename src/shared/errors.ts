/** Error codes that cross process boundaries. Every failure the user can see maps to one of these. */
export type ErrorCode =
  | 'bad-request' // malformed envelope or params that fail the schema
  | 'unknown-method'
  | 'unauthorized' // browser host: missing/wrong token or foreign origin
  | 'cancelled'
  | 'bad-input' // the user's data (audio, manifest, config) is unusable
  | 'not-found'
  | 'engine-unavailable' // the engine process is down or restarting
  | 'internal'

/** Structured-clone-safe error: a code plus one human-readable line. */
export interface SerializedError {
  code: ErrorCode
  message: string
}

/** An error whose message is already fit to show a user (one line, no stack). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** Turns anything thrown into a one-line SerializedError; unknown errors become `internal`. */
export function toSerializedError(err: unknown): SerializedError {
  if (err instanceof AppError) return { code: err.code, message: oneLine(err.message) }
  if (err instanceof Error && err.name === 'AbortError') return { code: 'cancelled', message: 'Cancelled.' }
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'internal', message: oneLine(message) || 'Unexpected error.' }
}

/** Rebuilds a throwable from the wire form. */
export function fromSerializedError(e: SerializedError): AppError {
  return new AppError(e.code, e.message)
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.trim().slice(0, 500)
}
