import { describe, expect, it } from 'vitest'
import { computeLogMel } from '../../../../model/features/log-mel'
import { DEFAULT_FEATURE_CONFIG } from '../../../../model/features/feature-config'
import { synthesize } from '../../../../node/tts'
import { logMelShade } from './log-mel-shade'

/** Mean brightness of a flite sentence's picture at `gain` of its level. */
async function meanShade(gain: number): Promise<number> {
  const [spoken] = await synthesize(['please open the window in the kitchen'], 'slt')
  const { data } = computeLogMel(spoken!.pcm.map((x) => x * gain), DEFAULT_FEATURE_CONFIG)
  const shade = logMelShade(data)
  return data.reduce((sum, v) => sum + shade(v), 0) / data.length
}

describe('logMelShade', () => {
  it('draws a recording 26 dB quieter about as bright as the original', async () => {
    const [normal, quiet] = [await meanShade(1), await meanShade(0.05)]
    expect(normal).toBeGreaterThan(0.3)
    expect(Math.abs(quiet - normal)).toBeLessThan(0.1) // the fixed scale [-14, 6]: 0.44 against 0.19
  })

  it('keeps silence dark instead of stretching its floor', () => {
    const { data } = computeLogMel(new Float32Array(16000), DEFAULT_FEATURE_CONFIG)
    const shade = logMelShade(data)
    expect(Math.max(...Array.from(data, shade))).toBeLessThan(0.35)
  })

  it('maps into [0, 1], brighter for louder values', () => {
    const shade = logMelShade(Float32Array.of(-12, 0, 5))
    expect([shade(-40), shade(-12), shade(0), shade(5), shade(40)].every((v, i, all) => v >= 0 && v <= 1 && (i === 0 || v >= all[i - 1]!))).toBe(true)
  })
})
