import type { Recording } from '../../../../shared/finetune'
import { api } from '../api'
import { pcmToBase64, playWav } from '../train/pcm'

/** The user's stored recordings (studio and imported), as the engine keeps them in the user-data folder. */
class RecordingLibrary {
  items = $state.raw<Recording[]>([])
  seconds = $state(0)
  error = $state<string | null>(null)

  /** The latest recording of each studio prompt. */
  byPrompt = $derived(new Map(this.items.filter((r) => r.promptId).map((r) => [r.promptId!, r])))

  async refresh(): Promise<void> {
    try {
      const { recordings, seconds } = await api.call('recordings.list', {})
      this.items = recordings
      this.seconds = seconds
      this.error = null
    } catch (err) {
      this.error = (err as Error).message
    }
  }

  /** Stores a take of `promptId`, replacing the earlier take of that prompt. */
  async save(pcm: Float32Array, text: string, promptId: string): Promise<void> {
    const earlier = this.byPrompt.get(promptId)
    await api.call('recordings.save', { pcm: pcmToBase64(pcm), text, promptId })
    if (earlier) await api.call('recordings.delete', { id: earlier.id })
    await this.refresh()
  }

  async remove(id: string): Promise<void> {
    await api.call('recordings.delete', { id })
    await this.refresh()
  }

  async play(id: string): Promise<void> {
    await playWav((await api.call('recordings.audio', { id })).wav)
  }
}

export const recordings = new RecordingLibrary()
