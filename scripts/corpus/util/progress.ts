/** Prints `label done/total (pct) rate ETA` at most every `intervalMs`; skipped (already present) items do not skew the rate. */
export interface Progress {
  tick(skipped: boolean): void
  finish(): void
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?'
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
}

export function createProgress(label: string, total: number, log: (line: string) => void, intervalMs = 10_000): Progress {
  const started = Date.now()
  let done = 0
  let made = 0
  let lastPrint = 0
  const line = (): string => {
    const elapsed = (Date.now() - started) / 1000
    const rate = made / Math.max(elapsed, 1e-3)
    const eta = (total - done) / rate
    const pct = total === 0 ? 100 : (100 * done) / total
    return `${label} ${done}/${total} (${pct.toFixed(1)}%) ${rate.toFixed(2)}/s elapsed ${formatSeconds(elapsed)} ETA ${formatSeconds(eta)}`
  }
  return {
    tick(skipped) {
      done++
      if (!skipped) made++
      const now = Date.now()
      if (now - lastPrint >= intervalMs) {
        lastPrint = now
        log(line())
      }
    },
    finish() {
      log(`${line()} done`)
    }
  }
}
