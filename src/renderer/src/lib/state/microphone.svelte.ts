import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from '../../../../model/features/feature-config'
import { LogMelStream } from '../../../../model/features/log-mel-stream'
import { listMicrophones, startMicrophone, type Microphone } from '../audio/microphone'

export type MicStatus = 'idle' | 'starting' | 'listening' | 'error'

/** Frames of log-mel kept for the live spectrogram (6 s at 10 ms). */
const SPECTROGRAM_FRAMES = 600

/**
 * Live microphone input for dictation: device choice, capture, level, and log-mel features computed here in
 * the renderer with the model's own front-end (the engine receives features, not audio).
 */
class MicrophoneInput {
  status = $state<MicStatus>('idle')
  error = $state<string | null>(null)
  level = $state(0)
  devices = $state.raw<Array<{ id: string; label: string }>>([])
  deviceId = $state<string | null>(null)
  deviceLabel = $state('')
  /** Total feature frames computed since start (drives the spectrogram redraw). */
  frames = $state(0)
  /** Ring of recent log-mel frames, row-major [SPECTROGRAM_FRAMES, dim]. */
  readonly recent: { data: Float32Array; dim: number; next: number }
  #mic: Microphone | null = null
  #features: LogMelStream
  #listeners = new Set<(frames: Float32Array, dim: number) => void>()
  #endListeners = new Set<(reason: string) => void>()

  constructor(featureConfig: FeatureConfig = DEFAULT_FEATURE_CONFIG) {
    this.#features = new LogMelStream(featureConfig)
    const silence = Math.log(featureConfig.logFloor)
    this.recent = { data: new Float32Array(SPECTROGRAM_FRAMES * featureConfig.melBands).fill(silence), dim: featureConfig.melBands, next: 0 }
  }

  /** Subscribes to feature frames as they are computed ([n, dim] row-major); returns unsubscribe. */
  onFeatures(listener: (frames: Float32Array, dim: number) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Subscribes to involuntary stops (device unplugged, permission revoked); returns unsubscribe. */
  onEnded(listener: (reason: string) => void): () => void {
    this.#endListeners.add(listener)
    return () => this.#endListeners.delete(listener)
  }

  async refreshDevices(): Promise<void> {
    this.devices = await listMicrophones().catch(() => [])
  }

  async start(): Promise<void> {
    if (this.status === 'listening' || this.status === 'starting') return
    this.status = 'starting'
    this.error = null
    this.#features.reset()
    try {
      this.#mic = await startMicrophone(this.deviceId, {
        onChunk: (pcm, peak) => this.#accept(pcm, peak),
        onEnded: (reason) => void this.stop(reason)
      })
      this.deviceLabel = this.#mic.deviceLabel
      this.status = 'listening'
      void this.refreshDevices()
    } catch (err) {
      this.status = 'error'
      this.error = (err as Error).message
    }
  }

  /** Stops capture; a reason marks an involuntary stop (device unplugged) shown to the user. */
  async stop(reason?: string): Promise<void> {
    const mic = this.#mic
    this.#mic = null
    this.level = 0
    this.status = reason ? 'error' : 'idle'
    this.error = reason ?? null
    await mic?.stop()
    if (reason && mic) for (const listener of this.#endListeners) listener(reason)
  }

  #accept(pcm: Float32Array, peak: number): void {
    this.level = Math.max(peak, this.level * 0.6)
    const { frames, dim, data } = this.#features.push(pcm)
    if (frames === 0) return
    const ring = this.recent
    for (let f = 0; f < frames; f++) {
      ring.data.set(data.subarray(f * dim, (f + 1) * dim), ring.next * dim)
      ring.next = (ring.next + 1) % SPECTROGRAM_FRAMES
    }
    this.frames += frames
    for (const listener of this.#listeners) listener(data, dim)
  }
}

export const microphone = new MicrophoneInput()
