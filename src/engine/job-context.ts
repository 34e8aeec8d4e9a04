import type { EngineEvent, JobEvent } from '../shared/contract'

/** A job event without its jobId (the context fills it in). */
export type JobEventBody = JobEvent extends infer E ? (E extends JobEvent ? Omit<E, 'jobId'> : never) : never

/** What a long engine job gets: a cancellation signal, a throttled progress reporter and its own event channel. */
export interface JobContext {
  jobId: string
  signal: AbortSignal
  /** fraction in [0, 1]; calls closer than the throttle interval are dropped except the final one. */
  progress(fraction: number, message: string): void
  /** Pushes an event that reaches only this job's caller. */
  emit(event: JobEventBody): void
}

const PROGRESS_INTERVAL_MS = 100

/** Builds a JobContext whose progress events are throttled to one per 100 ms (always passing 0 and 1). */
export function createJobContext(jobId: string, signal: AbortSignal, post: (event: EngineEvent) => void): JobContext {
  let last = 0
  const emit = (event: JobEventBody): void => post({ ...event, jobId } as JobEvent)
  return {
    jobId,
    signal,
    emit,
    progress(fraction, message) {
      const now = Date.now()
      if (fraction > 0 && fraction < 1 && now - last < PROGRESS_INTERVAL_MS) return
      last = now
      emit({ type: 'progress', fraction, message })
    }
  }
}
