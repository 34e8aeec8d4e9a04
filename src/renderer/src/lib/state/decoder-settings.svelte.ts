import type { DecoderSettings } from '../../../../shared/contract'
import { DEFAULT_DECODER_SETTINGS } from '../../../../shared/decoder-defaults'

const STORAGE_KEY = 's2s.decoding'

type Kind = NonNullable<DecoderSettings['decoder']>

/**
 * The decoder settings shared by dictation and file transcription, kept in localStorage. `settings` is what
 * goes into engine calls; dictation applies a change from its next segment on.
 */
class DecoderSettingsState {
  decoder = $state<Kind>(DEFAULT_DECODER_SETTINGS.decoder)
  beam = $state<number>(DEFAULT_DECODER_SETTINGS.beam)
  lm = $state<boolean>(DEFAULT_DECODER_SETTINGS.lm)
  lmWeight = $state<number>(DEFAULT_DECODER_SETTINGS.lmWeight)
  /** One word or phrase per line. */
  hotwordsText = $state('')

  constructor() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Record<'decoder' | 'beam' | 'lm' | 'lmWeight' | 'hotwordsText', unknown>>
      if (saved.decoder === 'greedy' || saved.decoder === 'beam' || saved.decoder === 'joint') this.decoder = saved.decoder
      if (typeof saved.beam === 'number' && saved.beam >= 1 && saved.beam <= 32) this.beam = Math.round(saved.beam)
      if (typeof saved.lm === 'boolean') this.lm = saved.lm
      if (typeof saved.lmWeight === 'number' && saved.lmWeight >= 0 && saved.lmWeight <= 5) this.lmWeight = saved.lmWeight
      if (typeof saved.hotwordsText === 'string') this.hotwordsText = saved.hotwordsText.slice(0, 20_000)
    } catch {
      // Unreadable saved settings: keep the defaults.
    }
  }

  get hotwords(): string[] {
    return this.hotwordsText.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#')).slice(0, 1000)
  }

  /** The settings as the engine contract takes them. */
  get settings(): DecoderSettings {
    const hotwords = this.hotwords.map((w) => w.slice(0, 100))
    return { decoder: this.decoder, beam: this.beam, lm: this.lm, lmWeight: this.lmWeight, ...(hotwords.length ? { hotwords } : {}) }
  }

  save(): void {
    const { decoder, beam, lm, lmWeight, hotwordsText } = this
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ decoder, beam, lm, lmWeight, hotwordsText }))
  }
}

export const decoderSettings = new DecoderSettingsState()
