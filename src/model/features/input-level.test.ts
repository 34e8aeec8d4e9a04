import { describe, expect, it } from 'vitest'
import { collate } from '../training/collate'
import { DEFAULT_FEATURE_CONFIG as cfg, type FeatureMatrix } from './feature-config'
import { amplifier, inputLevelOf, levelGain, utteranceLevel } from './input-level'
import { computeLogMel } from './log-mel'

/** 0.6 s of a voiced-like signal (a 150 Hz pulse-ish harmonic stack) after 0.2 s of faint noise, at `amplitude`. */
function utterance(amplitude: number): Float32Array {
  let seed = 7
  const noise = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 1e-3
  return Float32Array.from({ length: 12800 }, (_, i) => {
    const voiced = i >= 3200 ? [1, 2, 3, 5, 8, 13].reduce((s, h) => s + Math.sin((2 * Math.PI * 150 * h * i) / 16000) / h, 0) * 0.3 : 0
    return amplitude * (voiced + noise())
  })
}

const logMelOf = (amplitude: number): FeatureMatrix => computeLogMel(utterance(amplitude), cfg)

describe('input-level normalisation', () => {
  it('amplifies raw log-mel exactly as amplifying the audio would, floor bands included', () => {
    const quiet = logMelOf(0.01)
    const loud = logMelOf(0.2)
    const gain = 2 * Math.log(0.2 / 0.01)
    const amplify = amplifier(gain, cfg.logFloor)
    let worst = 0
    for (let i = 0; i < quiet.data.length; i++) worst = Math.max(worst, Math.abs(amplify(quiet.data[i]!) - loud.data[i]!))
    expect(worst).toBeLessThan(0.05)
  })

  it('measures the level of the loud frames: 20 dB louder audio is ln(100) higher', () => {
    expect(utteranceLevel(logMelOf(0.2)) - utteranceLevel(logMelOf(0.02))).toBeCloseTo(Math.log(100), 1)
    expect(utteranceLevel({ frames: 0, dim: 80, data: new Float32Array(0) })).toBe(-Infinity)
  })

  it('takes the median utterance level as the target and limits the gain to +30 / -20 dB', () => {
    const target = inputLevelOf([logMelOf(0.02), logMelOf(0.05), logMelOf(0.2)]).target
    expect(target).toBeCloseTo(utteranceLevel(logMelOf(0.05)), 5)
    expect(levelGain(target - 1, target)).toBeCloseTo(1)
    expect(levelGain(target - 20, target)).toBeCloseTo(6.9)
    expect(levelGain(target + 20, target)).toBeCloseTo(-4.6)
    expect(levelGain(-Infinity, target)).toBe(0)
  })

  it('collates a quiet and a loud recording of the same sound to the same model input', () => {
    const normalisation = { cmvn: null, inputLevel: { target: utteranceLevel(logMelOf(0.1)) }, features: cfg }
    const quiet = logMelOf(0.01)
    const loud = logMelOf(0.3)
    const batch = collate([{ id: 'quiet', feats: quiet, tokens: [] }, { id: 'loud', feats: loud, tokens: [] }], normalisation, 0.01)
    const size = quiet.frames * quiet.dim
    const voicedBands = (b: number): Float32Array => batch.feats.subarray(b * size + 40 * 80, (b + 1) * size) // past the faint-noise lead-in
    const [a, b] = [voicedBands(0), voicedBands(1)]
    const meanGap = a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length
    expect(meanGap).toBeLessThan(0.05)
    const raw = collate([{ id: 'quiet', feats: quiet, tokens: [] }, { id: 'loud', feats: loud, tokens: [] }], { ...normalisation, inputLevel: null }, 0.01)
    expect(raw.feats[40 * 80 + 10]! - raw.feats[size + 40 * 80 + 10]!).toBeLessThan(-5) // without it, 30 dB apart
  })
})
