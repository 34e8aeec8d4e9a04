import { MAX_UTTERANCE_SECONDS, RECORDING_SAMPLE_RATE } from '../../../../shared/finetune'
import { startMicrophone, type Microphone } from '../audio/microphone'
import { concatPcm } from '../train/pcm'
import { PROMPTS, type Prompt } from '../train/prompts'
import { recordings } from './recordings.svelte'

export type StudioStatus = 'idle' | 'recording' | 'saving' | 'playing'

/**
 * The recording studio: walks through the prompts, records one take per prompt from the microphone (16 kHz
 * AudioWorklet capture), saves it, plays it back, re-records or skips. A take stops by itself at the length limit.
 */
class Studio {
  index = $state(0)
  status = $state<StudioStatus>('idle')
  level = $state(0)
  seconds = $state(0)
  error = $state<string | null>(null)
  prompt = $derived<Prompt>(PROMPTS[this.index % PROMPTS.length]!)
  #mic: Microphone | null = null
  #chunks: Float32Array[] = []

  async record(): Promise<void> {
    if (this.status !== 'idle') return
    this.error = null
    this.#chunks = []
    this.seconds = 0
    try {
      this.#mic = await startMicrophone(null, {
        onChunk: (pcm, peak) => {
          this.#chunks.push(pcm)
          this.level = Math.max(peak, this.level * 0.6)
          this.seconds += pcm.length / RECORDING_SAMPLE_RATE
          if (this.seconds >= MAX_UTTERANCE_SECONDS) void this.stop()
        },
        onEnded: (reason) => void this.#fail(reason)
      })
      this.status = 'recording'
    } catch (err) {
      this.error = (err as Error).message
    }
  }

  /** Ends the take, saves it for the current prompt and moves on to the next prompt. */
  async stop(): Promise<void> {
    if (this.status !== 'recording') return
    this.status = 'saving'
    await this.#release()
    try {
      await recordings.save(concatPcm(this.#chunks), this.prompt.text, this.prompt.id)
      this.next()
    } catch (err) {
      this.error = (err as Error).message
    } finally {
      this.status = 'idle'
    }
  }

  async play(id: string): Promise<void> {
    if (this.status !== 'idle') return
    this.status = 'playing'
    try {
      await recordings.play(id)
    } catch (err) {
      this.error = (err as Error).message
    } finally {
      this.status = 'idle'
    }
  }

  next(): void {
    this.index = (this.index + 1) % PROMPTS.length
  }

  previous(): void {
    this.index = (this.index - 1 + PROMPTS.length) % PROMPTS.length
  }

  async #fail(reason: string): Promise<void> {
    await this.#release()
    this.status = 'idle'
    this.error = reason
  }

  async #release(): Promise<void> {
    const mic = this.#mic
    this.#mic = null
    this.level = 0
    await mic?.stop()
  }
}

export const studio = new Studio()
