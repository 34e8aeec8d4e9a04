import type { DecodeOptions } from '../model/decoding/decode-options'
import { LogMelStream } from '../model/features/log-mel-stream'
import type { Recognition, Recognizer } from '../model/recognizer'
import { SpeechSegmenter, type SpeechSegment } from '../model/vad/speech-segmenter'
import type { Transcript, TranscriptSegment } from '../shared/transcript'
import { formatClock } from '../shared/transcript-format'
import { MODEL_SAMPLE_RATE, streamAudioFile } from './audio/decode-audio'
import type { JobContext } from './job-context'
import { countOf } from '../shared/count-of'

/**
 * Segments decoded together by the greedy decoder (batching amortises per-step overhead on wasm). Beam and
 * joint search decode one utterance at a time anyway, so they take one segment per call: results then stream
 * one by one, and a cancel waits for at most one segment.
 */
const GREEDY_BATCH = 4

/**
 * Transcribes one audio file as a stream: decode → 16 kHz → log-mel → voice-activity segments (≤ 20 s) →
 * batched decoding with word times shifted to the file's timeline. Memory stays flat for any length: audio is
 * read in pieces and only the frames of open and pending segments are kept. Each segment with text is pushed
 * to the caller as a `transcript-segment` event as soon as it is decoded; progress follows the bytes read.
 * @param name how error messages name the file (default: its base name)
 * @throws AppError('bad-input') for unreadable audio (one line naming the file)
 */
export async function transcribeFile(recognizer: Recognizer, path: string, decoding: DecodeOptions, ctx: JobContext, name?: string): Promise<Transcript> {
  const fc = recognizer.config.features
  const frameSeconds = fc.hopSamples / fc.sampleRate
  const features = new LogMelStream(fc)
  const segmenter = new SpeechSegmenter(fc.melBands)
  const pending: SpeechSegment[] = []
  const segments: TranscriptSegment[] = []
  const batchSize = decoding.decoder === 'greedy' ? GREEDY_BATCH : 1
  let readFraction = 0
  let samples = 0

  /** Decodes pending segments in full batches (and the rest at the end of the input). */
  const decodePending = async (all: boolean): Promise<void> => {
    while (pending.length >= (all ? 1 : batchSize)) {
      ctx.signal.throwIfAborted()
      const batch = pending.splice(0, batchSize)
      const results = recognizer.decodeBatch(batch.map((s) => s.feats), decoding)
      for (const [i, voiced] of batch.entries()) {
        const segment = toTranscriptSegment(voiced, results[i]!, frameSeconds)
        if (!segment) continue
        segments.push(segment)
        ctx.emit({ type: 'transcript-segment', segment })
      }
      await new Promise((resolve) => setImmediate(resolve)) // lets a cancel message in between batches
    }
  }

  const audio = streamAudioFile(path, { name, onRead: (read, size) => (readFraction = size > 0 ? read / size : 1) })
  for await (const { pcm } of audio) {
    ctx.signal.throwIfAborted()
    samples += pcm.length
    pending.push(...segmenter.push(features.push(pcm).data))
    await decodePending(false)
    ctx.progress(Math.min(0.99, readFraction), `${formatClock(samples / MODEL_SAMPLE_RATE)} read, ${countOf(segments.length, 'segment')}`)
  }
  pending.push(...segmenter.flush())
  await decodePending(true)
  ctx.progress(1, `${formatClock(samples / MODEL_SAMPLE_RATE)} transcribed, ${countOf(segments.length, 'segment')}`)
  return { text: segments.map((s) => s.text).join(' '), durationSeconds: samples / MODEL_SAMPLE_RATE, segments }
}

/** A decoded voiced segment on the file's timeline, or null when it holds no words. */
function toTranscriptSegment(voiced: SpeechSegment, result: Recognition, frameSeconds: number): TranscriptSegment | null {
  const text = result.text.trim()
  if (!text) return null
  const offset = voiced.start * frameSeconds
  const words = result.words.map((w) => ({ ...w, start: w.start + offset, end: w.end + offset }))
  return { start: offset, end: voiced.end * frameSeconds, text, words }
}
