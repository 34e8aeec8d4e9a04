import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseHotwordList } from '../model/decoding/hotwords'
import type { DecoderSettings } from '../shared/contract'
import { UsageError } from './command'
import { numberFlag } from './number-flags'

/** parseArgs options of the decoder flags shared by eval and transcribe. */
export const decoderFlagOptions = {
  decoder: { type: 'string' },
  beam: { type: 'string' },
  'ctc-weight': { type: 'string' },
  lm: { type: 'string' },
  'lm-weight': { type: 'string' },
  hotwords: { type: 'string' }
} as const

export const DECODER_FLAGS_SYNOPSIS = '[--decoder greedy|beam|joint] [--beam N] [--ctc-weight W] [--lm FILE|bundled|off] [--lm-weight W] [--hotwords FILE]'

/** Decoder settings from parsed flags; ranges are checked by the engine's schema. */
export function decoderSettingsFrom(values: Partial<Record<keyof typeof decoderFlagOptions, string>>): DecoderSettings {
  const decoder = values.decoder
  if (decoder !== undefined && decoder !== 'greedy' && decoder !== 'beam' && decoder !== 'joint') throw new UsageError(`--decoder must be greedy, beam or joint, got "${decoder}"`)
  let hotwords: string[] | undefined
  if (values.hotwords !== undefined) {
    try {
      hotwords = parseHotwordList(readFileSync(values.hotwords, 'utf8'))
    } catch (err) {
      throw new UsageError(`--hotwords ${values.hotwords}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`)
    }
  }
  return {
    decoder,
    beam: numberFlag(values.beam, 'beam'),
    ctcWeight: numberFlag(values['ctc-weight'], 'ctc-weight'),
    lm: values.lm === undefined ? undefined : values.lm !== 'off',
    lmPath: values.lm === undefined || values.lm === 'bundled' || values.lm === 'off' ? undefined : resolve(values.lm),
    lmWeight: numberFlag(values['lm-weight'], 'lm-weight'),
    hotwords
  }
}
