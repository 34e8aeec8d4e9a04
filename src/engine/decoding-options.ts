import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_DECODE_OPTIONS, type DecodeOptions } from '../model/decoding/decode-options'
import { parseArpa } from '../model/lm/arpa'
import type { NgramLm } from '../model/lm/ngram-lm'
import { normalizeText } from '../model/text/normalizer'
import type { DecoderSettings } from '../shared/contract'
import { DEFAULT_DECODER_SETTINGS } from '../shared/decoder-defaults'
import { AppError } from '../shared/errors'
import { resourcesDir } from './paths'

/** The bundled word 3-gram (npm run lm). */
export const bundledLmPath = (): string => join(resourcesDir(), 'lm', 'en-3gram.arpa')

/**
 * Turns contract decoder settings into the model's DecodeOptions, loading each ARPA file once per engine
 * (parsing the bundled one takes ~0.3 s; the model caches per-LM tables on the object).
 */
export class DecodingOptionsResolver {
  readonly #lms = new Map<string, Promise<NgramLm>>()

  async resolve(settings: DecoderSettings = {}): Promise<DecodeOptions> {
    const { lm, lmPath, hotwords, ...numbers } = settings
    const defined = Object.fromEntries(Object.entries(numbers).filter(([, v]) => v !== undefined))
    // Unset, the defaults decide, where the resources hold the bundled LM (a folder without one reads without it).
    const useBundled = lm ?? (DEFAULT_DECODER_SETTINGS.lm && existsSync(bundledLmPath()))
    const path = lmPath ?? (useBundled ? bundledLmPath() : undefined)
    return {
      ...DEFAULT_DECODE_OPTIONS,
      ...defined,
      hotwords: (hotwords ?? []).map(normalizeHotword),
      lm: path ? await this.#load(path) : undefined
    }
  }

  #load(path: string): Promise<NgramLm> {
    let loaded = this.#lms.get(path)
    if (!loaded) {
      loaded = readFile(path, 'utf8').then(parseArpa, (err: NodeJS.ErrnoException) => {
        throw new AppError('bad-input', `language model ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`)
      })
      loaded.catch(() => this.#lms.delete(path))
      this.#lms.set(path, loaded)
    }
    return loaded
  }
}

/** A hot word normalised like transcripts; one that normalises to nothing is a bad-input error. */
function normalizeHotword(word: string): string {
  const normalized = normalizeText(word)
  if (!normalized) throw new AppError('bad-input', `hot word "${word.slice(0, 40)}" has no letters the model can write`)
  return normalized
}

/** "joint beam 8 + LM" style label of options, for reports. */
export function describeDecoding(options: DecodeOptions): string {
  const search = options.decoder === 'greedy' ? 'greedy' : `${options.decoder} beam ${options.beam}`
  return `${search}${options.lm && options.decoder !== 'greedy' ? ' + LM' : ''}${options.hotwords.length && options.decoder !== 'greedy' ? ` + ${options.hotwords.length} hot words` : ''}`
}
