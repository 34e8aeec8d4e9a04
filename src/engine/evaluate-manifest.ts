import type { DecodeOptions } from '../model/decoding/decode-options'
import type { Recognizer } from '../model/recognizer'
import { charErrorRate, wordErrorRate } from '../model/decoding/metrics'
import type { FeatureMatrix } from '../model/features/feature-config'
import { normalizeText } from '../model/text/normalizer'
import type { EvaluatedUtterance, EvaluationResult, ModelInfo } from '../shared/contract'
import { AppError } from '../shared/errors'
import { loadAudioFile, MODEL_SAMPLE_RATE } from './audio/decode-audio'
import { readManifestFile, type ResolvedRow } from './data/manifest-file'
import { describeDecoding } from './decoding-options'
import type { JobContext } from './job-context'

/** Utterances decoded together: batching amortises per-step overhead on the wasm backend. */
const BATCH = 8

/**
 * Transcribes every row of a manifest (greedy) and scores it against the references.
 * RTF counts feature extraction and decoding, not reading/decoding the audio file.
 * @throws AppError('bad-input') naming the manifest line of an unreadable row
 */
export async function evaluateManifest(
  recognizer: Recognizer,
  model: ModelInfo,
  manifestPath: string,
  decoding: DecodeOptions,
  ctx: JobContext,
  limit?: number
): Promise<EvaluationResult> {
  const rows = (await readManifestFile(manifestPath)).slice(0, limit)
  if (rows.length === 0) throw new AppError('bad-input', `${manifestPath}: no rows to evaluate (tab-separated, one row per line after the header).`)
  const utterances: EvaluatedUtterance[] = []
  let audioSeconds = 0
  let busySeconds = 0
  const order = rows.map((row, i) => ({ row, i })).sort((a, b) => a.row.durationSeconds - b.row.durationSeconds)
  for (let start = 0; start < order.length; start += BATCH) {
    ctx.signal.throwIfAborted()
    const batch = order.slice(start, start + BATCH)
    const audio = await Promise.all(batch.map(({ row }) => readRow(manifestPath, row)))
    const began = performance.now()
    const features: FeatureMatrix[] = audio.map((pcm) => recognizer.features(pcm))
    const results = recognizer.decodeBatch(features, decoding)
    busySeconds += (performance.now() - began) / 1000
    batch.forEach(({ row, i }, k) => {
      audioSeconds += audio[k]!.length / MODEL_SAMPLE_RATE
      utterances[i] = { audio: row.path, reference: normalizeText(row.transcript), hypothesis: results[k]!.text }
    })
    ctx.progress(Math.min(1, (start + batch.length) / order.length), `${start + batch.length}/${order.length} utterances`)
    await new Promise((resolve) => setImmediate(resolve))
  }
  const pairs = utterances.map((u): [string, string] => [u.reference, u.hypothesis])
  return {
    wer: 100 * wordErrorRate(pairs).rate,
    cer: 100 * charErrorRate(pairs).rate,
    rtf: audioSeconds > 0 ? busySeconds / audioSeconds : 0,
    n: utterances.length,
    decoder: describeDecoding(decoding),
    audioSeconds,
    model,
    utterances
  }
}

async function readRow(manifestPath: string, row: ResolvedRow): Promise<Float32Array> {
  try {
    return (await loadAudioFile(row.audioPath)).pcm
  } catch (err) {
    throw new AppError('bad-input', `${manifestPath} line ${row.line}: ${(err as Error).message}`)
  }
}
