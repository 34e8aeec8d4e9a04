import { describe, expect, it } from 'vitest'
import Meyda from 'meyda'
import { synthesize } from '../../node/tts'
import { DEFAULT_FEATURE_CONFIG as cfg, frameCount } from './feature-config'
import { computeLogMel } from './log-mel'
import { LogMelStream } from './log-mel-stream'
import { melFilterBank } from './mel-filterbank'
import { CmvnAccumulator, applyCmvn } from './cmvn'

describe('log-mel front-end', () => {
  it('has 80 non-empty mel filters on the 512-point FFT', () => {
    const bank = melFilterBank(cfg)
    expect(bank).toHaveLength(80)
    for (const f of bank) {
      expect(f.weights.length).toBeGreaterThan(0)
      expect(f.weights.every((w) => w > 0 && w <= 1)).toBe(true)
      expect(f.start + f.weights.length).toBeLessThanOrEqual(cfg.fftSize / 2)
    }
  })

  it('puts a 1 kHz tone into the band whose filter peaks nearest 1 kHz', () => {
    const pcm = Float32Array.from({ length: 16000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / 16000))
    const feats = computeLogMel(pcm, cfg)
    expect(feats.frames).toBe(frameCount(16000, cfg))
    expect(feats.frames).toBe(98)
    const row = feats.data.subarray(50 * 80, 51 * 80)
    const peak = row.indexOf(Math.max(...row))
    const bank = melFilterBank(cfg)
    const bin1k = Math.round((1000 * cfg.fftSize) / cfg.sampleRate)
    const weightAt = (m: number): number => bank[m]!.weights[bin1k - bank[m]!.start] ?? 0
    let best = 0
    for (let m = 0; m < 80; m++) if (weightAt(m) > weightAt(best)) best = m
    expect(Math.abs(peak - best)).toBeLessThanOrEqual(1)
    expect(Math.min(...row)).toBeLessThan(row[peak]! - 10)
  })

  it('gives silence the log floor', () => {
    const feats = computeLogMel(new Float32Array(800), cfg)
    expect(feats.frames).toBe(3)
    for (const v of feats.data) expect(v).toBeCloseTo(Math.log(1e-6), 5)
  })

  it('does not leak Meyda global settings', () => {
    Meyda.bufferSize = 1024
    Meyda.windowingFunction = 'hamming'
    computeLogMel(new Float32Array(1000).fill(0.1), cfg)
    expect(Meyda.bufferSize).toBe(1024)
    expect(Meyda.windowingFunction).toBe('hamming')
  })

  it('streaming path equals the whole-file path on TTS speech chunked randomly (max abs diff < 1e-4)', async () => {
    const [utt] = await synthesize(['the quick brown fox jumps over the lazy dog'])
    const pcm = utt!.pcm
    const whole = computeLogMel(pcm, cfg)
    let seed = 7
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const stream = new LogMelStream(cfg)
    const parts: Float32Array[] = []
    for (let pos = 0; pos < pcm.length; ) {
      const n = 1 + Math.floor(rand() * 700)
      parts.push(stream.push(pcm.subarray(pos, pos + n)).data)
      pos += n
    }
    const streamed = Float32Array.from(parts.flatMap((p) => Array.from(p)))
    expect(stream.framesEmitted).toBe(whole.frames)
    expect(streamed.length).toBe(whole.data.length)
    let maxDiff = 0
    for (let i = 0; i < streamed.length; i++) maxDiff = Math.max(maxDiff, Math.abs(streamed[i]! - whole.data[i]!))
    expect(maxDiff).toBeLessThan(1e-4)
    expect(whole.frames).toBeGreaterThan(100)
  })

  it('CMVN normalises to zero mean and unit variance', () => {
    const pcm = Float32Array.from({ length: 8000 }, (_, i) => Math.sin(i * 0.3) * 0.3 + Math.sin(i * 0.01) * 0.2)
    const feats = computeLogMel(pcm, cfg)
    const acc = new CmvnAccumulator()
    acc.add(feats)
    const cmvn = acc.finish()
    const norm = applyCmvn(feats, cmvn)
    for (const d of [0, 40, 79]) {
      let s = 0
      let s2 = 0
      for (let f = 0; f < norm.frames; f++) {
        s += norm.data[f * 80 + d]!
        s2 += norm.data[f * 80 + d]! ** 2
      }
      expect(Math.abs(s / norm.frames)).toBeLessThan(1e-4)
      if (cmvn.std[d]! > 1e-2) expect(s2 / norm.frames).toBeCloseTo(1, 3)
    }
  })
})
