import { randomUUID } from 'node:crypto'
import type { DecodeOptions } from '../../model/decoding/decode-options'
import type { Recognizer } from '../../model/recognizer'
import { DictationSession } from '../../model/streaming/dictation-session'
import type { DictationSummary } from '../../shared/dictation'
import { AppError } from '../../shared/errors'
import type { JobContext } from '../job-context'

interface LiveSession {
  session: DictationSession
  ctx: JobContext
  /** Set by `stop`: the pump finalises and ends the session job. */
  stopping: boolean
  pumping: boolean
  /** Ends the session job: with its summary, or with the error that broke it. */
  end: (outcome: DictationSummary | Error) => void
}

/**
 * The engine's live dictation sessions. A session is a long job (`dictation.session`) whose updates go to its
 * caller only; `push` just buffers, and a pump decodes whatever is due whenever the event loop is free, so a
 * slow decode coalesces the pushes that arrived meanwhile instead of queueing one decode per push.
 */
export class DictationService {
  readonly #sessions = new Map<string, LiveSession>()

  /** Runs one session until `stop` (resolves with its finals) or cancellation (rejects). */
  run(recognizer: Recognizer, decoding: DecodeOptions, ctx: JobContext): Promise<DictationSummary> {
    const sessionId = randomUUID()
    const session = new DictationSession(recognizer, decoding)
    return new Promise<DictationSummary>((resolve, reject) => {
      const onAbort = (): void => live.end(new AppError('cancelled', 'Dictation cancelled.'))
      const live: LiveSession = {
        session, ctx, stopping: false, pumping: false,
        end: (outcome) => {
          ctx.signal.removeEventListener('abort', onAbort)
          this.#sessions.delete(sessionId)
          if (outcome instanceof Error) reject(outcome)
          else resolve(outcome)
        }
      }
      this.#sessions.set(sessionId, live)
      ctx.signal.addEventListener('abort', onAbort, { once: true })
      ctx.emit({ type: 'dictation', update: { kind: 'started', sessionId, featureDim: session.featureDim, frameSeconds: session.frameSeconds } })
    })
  }

  push(sessionId: string, features: readonly number[]): { frames: number } {
    const live = this.#get(sessionId)
    if (live.stopping) throw new AppError('bad-request', 'This dictation session is stopping.')
    if (features.length % live.session.featureDim !== 0) {
      throw new AppError('bad-request', `Features must be whole frames of ${live.session.featureDim} values.`)
    }
    live.session.push(Float32Array.from(features))
    this.#pump(live)
    return { frames: Math.round(live.session.seconds / live.session.frameSeconds) }
  }

  configure(sessionId: string, decoding: DecodeOptions): void {
    this.#get(sessionId).session.configure(decoding)
  }

  stop(sessionId: string): void {
    const live = this.#get(sessionId)
    live.stopping = true
    this.#pump(live)
  }

  /** Number of open sessions (tests, diagnostics). */
  get open(): number {
    return this.#sessions.size
  }

  #get(sessionId: string): LiveSession {
    const live = this.#sessions.get(sessionId)
    if (!live) throw new AppError('not-found', 'No such dictation session (it ended or the engine restarted).')
    return live
  }

  /** Decodes what is due, yielding to the event loop between decodes so pushes keep arriving. */
  #pump(live: LiveSession): void {
    if (live.pumping) return
    live.pumping = true
    const tick = (): void => {
      if (live.ctx.signal.aborted) return
      const { session, ctx } = live
      try {
        const updates = live.stopping ? session.finish() : session.due ? session.step() : null
        for (const update of updates ?? []) ctx.emit({ type: 'dictation', update })
        if (live.stopping) {
          const segments = [...session.finals]
          return live.end({ text: segments.map((s) => s.stable).join(' '), segments, seconds: session.seconds })
        }
        if (updates === null) {
          live.pumping = false
          return
        }
      } catch (err) {
        return live.end(err instanceof Error ? err : new Error(String(err)))
      }
      setImmediate(tick)
    }
    setImmediate(tick)
  }
}
