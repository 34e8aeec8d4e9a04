/** Nats of log-mel shown from black to full brightness: about a loud band down to a quiet room. */
const SHOWN_RANGE = 20
/** The loudest values sit this far above the top of the scale (a few peaks may saturate; speech should not). */
const HEADROOM = 1.5
/** The scale's top never goes below this, so a silent input stays dark instead of showing its noise floor bright. */
const LOWEST_TOP = 0

/**
 * Brightness in [0, 1] for each log-mel value (natural-log power) of `data`, scaled to how loud `data` is: a
 * quiet microphone (26 dB down) looks like a normal one instead of an almost black picture. Speech at a normal
 * level gets about the fixed scale [-14, 6] it had before.
 */
export function logMelShade(data: Float32Array): (value: number) => number {
  let loudest = -Infinity
  for (const v of data) if (v > loudest) loudest = v
  const top = Math.max(loudest - HEADROOM, LOWEST_TOP)
  const bottom = top - SHOWN_RANGE
  return (value) => Math.max(0, Math.min(1, (value - bottom) / SHOWN_RANGE))
}
