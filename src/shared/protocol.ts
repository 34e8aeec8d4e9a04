import { z } from 'zod'
import type { EngineEvent } from './contract'
import type { SerializedError } from './errors'

/**
 * Wire envelopes shared by every transport (child-process IPC, Electron utilityProcess, WebSocket).
 * A call carries a client-chosen id; its result or error comes back with the same id; progress events carry it
 * as `jobId`; `cancel` aborts the call with that id.
 */
export const clientMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('call'), id: z.string().min(1).max(64), method: z.string().max(64), params: z.unknown() }).strict(),
  z.object({ kind: z.literal('cancel'), id: z.string().min(1).max(64) }).strict()
])

export type ClientMessage = z.infer<typeof clientMessageSchema>

export type ServerMessage =
  | { kind: 'result'; id: string; result: unknown }
  | { kind: 'error'; id: string | null; error: SerializedError }
  | { kind: 'event'; event: EngineEvent }
