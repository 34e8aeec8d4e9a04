/** What a long engine job gets: a cancellation signal and a throttled progress reporter. */
export interface JobContext {
  jobId: string
  signal: AbortSignal
  /** fraction in [0, 1]; calls closer than the throttle interval are dropped except the final one. */
  progress(fraction: number, message: string): void
}

const PROGRESS_INTERVAL_MS = 100

/** Builds a JobContext whose progress events are throttled to one per 100 ms (always passing 0 and 1). */
export function createJobContext(
  jobId: string,
  signal: AbortSignal,
  emitProgress: (fraction: number, message: string) => void
): JobContext {
  let last = 0
  return {
    jobId,
    signal,
    progress(fraction, message) {
      const now = Date.now()
      if (fraction > 0 && fraction < 1 && now - last < PROGRESS_INTERVAL_MS) return
      last = now
      emitProgress(fraction, message)
    }
  }
}
