import { describe, expect, it } from 'vitest'
import { createRng } from '../util/rng'
import { CLEAN, sampleAugmentation, soxEffects } from './augmentation'
import { babbleNoise, colouredNoise, mixAtSnr, rms, scaleToPeak } from './noise'
import { NON_SPEECH_KINDS, nonSpeechClip } from './non-speech'
import { encodeWav16, parseWavHeader } from './wav'

describe('wav', () => {
  it('writes 16 kHz mono 16-bit PCM that parses back', () => {
    const wav = encodeWav16(new Float32Array(16000).fill(0.5))
    expect(parseWavHeader(wav)).toEqual({ sampleRate: 16000, channels: 1, bitsPerSample: 16, dataBytes: 32000, durationSeconds: 1 })
    expect(wav.readInt16LE(44)).toBe(Math.round(0.5 * 0x7fff))
  })
})

describe('noise', () => {
  const rng = createRng(3)
  const signal = Float32Array.from({ length: 16000 }, (_, i) => Math.sin(i / 5))
  it.each(['white', 'pink', 'brown'] as const)('%s noise mixes at the requested SNR', (kind) => {
    const noise = colouredNoise(kind, signal.length, rng)
    const mixed = mixAtSnr(signal, noise, 20)
    const residual = mixed.map((m, i) => m - (signal[i] as number))
    expect(20 * Math.log10(rms(signal) / rms(residual))).toBeCloseTo(20, 3)
  })

  it('babble sums talkers and the peak can be set', () => {
    const b = babbleNoise([signal, signal.map((s) => s / 2)], 3, 500, rng)
    expect(b.length).toBe(500)
    expect(rms(b)).toBeGreaterThan(0)
    const scaled = scaleToPeak(b, -6)
    expect(Math.max(...scaled.map(Math.abs))).toBeCloseTo(10 ** (-6 / 20), 5)
  })
})

describe('augmentation', () => {
  it('samples within the documented ranges and maps to sox effects', () => {
    const rng = createRng(11)
    for (let i = 0; i < 200; i++) {
      const a = sampleAugmentation(rng)
      expect(a.tempo).toBeGreaterThanOrEqual(0.9)
      expect(a.tempo).toBeLessThanOrEqual(1.1)
      if (a.noise) expect(a.noise.snrDb).toBeGreaterThanOrEqual(10)
      if (a.noise) expect(a.noise.snrDb).toBeLessThanOrEqual(30)
      expect(a.peakDb).toBeLessThanOrEqual(-1)
    }
    expect(soxEffects(CLEAN)).toEqual(['pad', '0.1', '0.1'])
    expect(soxEffects({ ...CLEAN, tempo: 0.95, pitchCents: -100, telephone: true, reverb: { reverberance: 30, roomScale: 40 } }))
      .toEqual(['tempo', '-s', '0.95', 'pitch', '-100', 'reverb', '30', '50', '40', 'sinc', '300-3400', 'pad', '0.1', '0.1'])
  })
})

describe('non-speech clips', () => {
  it.each(NON_SPEECH_KINDS)('%s: the asked length, a peak between -45 and -6 dBFS, the same clip for the same seed', (kind) => {
    const clip = nonSpeechClip(kind, 1.5, createRng(5))
    expect(clip.length).toBe(24000)
    const peakDb = 20 * Math.log10(clip.reduce((m, x) => Math.max(m, Math.abs(x)), 0))
    expect(peakDb).toBeGreaterThanOrEqual(-45.01)
    expect(peakDb).toBeLessThanOrEqual(-5.99)
    expect(nonSpeechClip(kind, 1.5, createRng(5))).toEqual(clip)
  })
})
