import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { defaultModelConfig } from '../model/config'
import { registerProjectKernels } from '../model/kernels/register'
import { Seq2SeqModel } from '../model/network/seq2seq'
import { Recognizer } from '../model/recognizer'
import { isPocketSphinxAvailable, runPocketSphinx } from '../peer/pocketsphinx'
import { loadModelDir } from '../node/model-files/checkpoint-files'
import { synthesize } from '../node/tts'

export interface InferBenchOptions {
  /** Model directory; default: a fresh untrained model of the default config. */
  modelDir?: string
  texts?: string[]
  /** Also time PocketSphinx on the same audio (when installed). Default true. */
  withPeer?: boolean
}

export const DEFAULT_TEXTS = [
  'the quick brown fox jumps over the lazy dog', 'please call stella and ask her to bring these things with her from the store',
  'open the window and turn off the lights', 'it was the best of times it was the worst of times',
  'set an alarm for seven thirty tomorrow morning', 'how much wood would a woodchuck chuck'
]

/**
 * Inference speed: real-time factor (processing seconds / audio seconds, features + greedy decoding, one
 * utterance at a time) on flite speech, wasm backend with the project kernels, beside PocketSphinx's RTF on
 * the same audio in the same run. An untrained model never emits eos and decodes to its length limit, so its
 * RTF is a worst case.
 * @returns printable lines; the last one states our RTF, PocketSphinx's and the ratio
 */
export async function runInferBench(opts: InferBenchOptions = {}): Promise<{ rtf: number; peerRtf: number | null; lines: string[] }> {
  await tf.setBackend('wasm')
  registerProjectKernels()
  const model = opts.modelDir ? await loadModelDir(opts.modelDir) : Seq2SeqModel.create(defaultModelConfig())
  const recognizer = new Recognizer(model)
  const utterances = await synthesize(opts.texts ?? DEFAULT_TEXTS)
  const audioSeconds = utterances.reduce((s, u) => s + u.pcm.length, 0) / 16000
  try {
    recognizer.transcribe(recognizer.features(utterances[0]!.pcm)) // warm-up (kernel setup, JIT)
    const started = performance.now()
    for (const u of utterances) recognizer.transcribe(recognizer.features(u.pcm))
    const rtf = (performance.now() - started) / 1000 / audioSeconds
    const lines = [`infer bench: ${utterances.length} flite utterances, ${audioSeconds.toFixed(1)} s of audio, ${opts.modelDir ?? 'untrained default model (decodes to the length limit: worst case)'}, wasm`]
    lines.push(`  s2s greedy RTF ${rtf.toFixed(3)} (goal <= 0.05)`)
    let peerRtf: number | null = null
    if ((opts.withPeer ?? true) && (await isPocketSphinxAvailable())) {
      const peer = await runPocketSphinx(utterances.map((u, i) => ({ id: String(i), audio: u.pcm })))
      peerRtf = peer.seconds / audioSeconds
      lines.push(`  PocketSphinx RTF ${peerRtf.toFixed(3)} (same audio, same run)`)
    }
    lines.push(`RTF s2s ${rtf.toFixed(3)}` + (peerRtf === null ? ' (PocketSphinx not installed)' : ` PocketSphinx ${peerRtf.toFixed(3)} ratio ${(rtf / peerRtf).toFixed(2)}`))
    return { rtf, peerRtf, lines }
  } finally {
    recognizer.dispose()
  }
}
