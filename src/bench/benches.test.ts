import { describe, expect, it } from 'vitest'
import { tinyModelConfig } from '../model/testing/tiny-setup'
import { runInferBench } from './infer-bench'
import { runTrainBench } from './train-bench'

describe('benchmarks (smoke: tiny settings)', () => {
  it('train bench measures stock vs project kernels on 1 and 2 threads and states a verdict', async () => {
    const { rows, lines } = await runTrainBench({ config: tinyModelConfig(), batchUtterances: 2, utteranceSeconds: 0.6, steps: 1 })
    expect(rows.map((r) => `${r.kernels}x${r.workers}`)).toEqual(['projectx1', 'projectx2', 'stockx1', 'stockx2'])
    expect(rows.every((r) => r.audioSecondsPerSecond > 0)).toBe(true)
    expect(lines.at(-1)).toMatch(/^best: .* audio-s\/s, [\d.]+x stock x1 \(targets: >= 4x and >= 100 audio-s\/s: (met|NOT met)\)$/)
  })

  it('infer bench reports the greedy RTF of the default model', async () => {
    const { rtf, lines } = await runInferBench({ texts: ['hello world'], withPeer: false })
    expect(rtf).toBeGreaterThan(0)
    expect(lines.at(-1)).toMatch(/^RTF s2s [\d.]+/)
  })
})
