import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tinyModelConfig } from '../model/testing/tiny-setup'
import { saveTinyModel } from '../node/testing/tiny-model-dir'
import { speakToWav } from '../node/tts'
import { formatManifest } from '../shared/manifest'
import { runFinetuneBench } from './finetune-bench'
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

  it('finetune bench fine-tunes on the first rows of a manifest and scores the rest before and after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's2s-ftbench-'))
    const texts = ['open the door', 'turn left', 'call my mother', 'stop the music', 'good morning', 'go right']
    texts.forEach((t, i) => speakToWav(t, join(dir, `${i}.wav`)))
    writeFileSync(join(dir, 'manifest.tsv'), formatManifest(texts.map((t, i) => ({ path: `${i}.wav`, durationSeconds: 1, speaker: 'slt', transcript: t, original: t }))))
    await saveTinyModel(join(dir, 'model'))
    process.env.S2S_BACKEND = 'wasm'
    const result = await runFinetuneBench({ dataDir: dir, modelDir: join(dir, 'model'), trainCount: 4, threads: 1 })
    expect(result.lines[0]).toMatch(/^options: \d+ epochs at most, peak learning rate [\d.e-]+, freeze (none|speller), speeds [\d.,]+, 1 thread/)
    expect(result.lines[1]).toMatch(/^data: .*: 3 training \+ 1 early-stopping utterances \(the first 4\), 2 test utterances/)
    expect(result.lines.at(-1)).toMatch(/^WER before [\d.]+% after [\d.]+% relative reduction -?[\d.]+% \(target >= 30%\) wall \d+ s/)
  })
})
