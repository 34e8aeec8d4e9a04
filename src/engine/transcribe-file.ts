import type { DecodeOptions } from '../model/decoding/decode-options'
import type { FeatureMatrix } from '../model/features/feature-config'
import type { Recognizer } from '../model/recognizer'
import { frameEnergies } from '../model/vad/frame-energy'
import { segmentSpeech, type VadSegment } from '../model/vad/vad'
import type { Transcript, TranscriptSegment } from '../shared/transcript'
import { loadAudioFile } from './audio/decode-audio'
import type { JobContext } from './job-context'

/** Segments decoded together (batching amortises per-step overhead on wasm). */
const BATCH = 4

/** Frames [start, end) of a feature matrix, as a view. */
function sliceFrames(feats: FeatureMatrix, segment: VadSegment): FeatureMatrix {
  return { frames: segment.end - segment.start, dim: feats.dim, data: feats.data.subarray(segment.start * feats.dim, segment.end * feats.dim) }
}

/**
 * Transcribes one audio file: decode → 16 kHz → log-mel → voice-activity segments (≤ 20 s) → batched decoding,
 * with word times shifted to the file's timeline. Progress is reported per batch of segments.
 * @throws AppError('bad-input') for unreadable audio (one line naming the file)
 */
export async function transcribeFile(recognizer: Recognizer, path: string, decoding: DecodeOptions, ctx: JobContext): Promise<Transcript> {
  const audio = await loadAudioFile(path)
  const feats = recognizer.features(audio.pcm)
  const frameSeconds = recognizer.config.features.hopSamples / recognizer.config.features.sampleRate
  const voiced = segmentSpeech(frameEnergies(feats.data, feats.dim))
  const segments: TranscriptSegment[] = []
  for (let first = 0; first < voiced.length; first += BATCH) {
    ctx.signal.throwIfAborted()
    const batch = voiced.slice(first, first + BATCH)
    const results = recognizer.decodeBatch(batch.map((segment) => sliceFrames(feats, segment)), decoding)
    batch.forEach((segment, i) => {
      const offset = segment.start * frameSeconds
      const result = results[i]!
      if (!result.text.trim()) return
      const words = result.words.map((w) => ({ ...w, start: w.start + offset, end: w.end + offset }))
      segments.push({ start: offset, end: segment.end * frameSeconds, text: result.text.trim(), words })
    })
    ctx.progress(Math.min(1, (first + batch.length) / voiced.length), `${first + batch.length}/${voiced.length} segments`)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { text: segments.map((s) => s.text).join(' '), durationSeconds: audio.seconds, segments }
}
