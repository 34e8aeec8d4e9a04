import workletUrl from './pcm-capture.worklet?worker&url'

export const CAPTURE_SAMPLE_RATE = 16_000

export interface MicrophoneHandlers {
  /** 50 ms of 16 kHz mono PCM and its peak level in [0, 1]. */
  onChunk(pcm: Float32Array, peak: number): void
  /** The device went away (unplugged, revoked) while capturing. */
  onEnded(reason: string): void
}

export interface Microphone {
  deviceLabel: string
  stop(): Promise<void>
}

/** Human-readable, one-line reason for a getUserMedia failure, with the way forward. */
export function describeMicrophoneError(err: unknown): string {
  const name = err instanceof DOMException ? err.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'Microphone access was denied. Allow it for this app (system or browser settings), then try again.'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No microphone was found. Plug one in or pick another input device.'
  if (name === 'NotReadableError') return 'The microphone is busy or unavailable (another app may be using it).'
  return `The microphone could not start: ${err instanceof Error ? err.message : String(err)}`
}

/**
 * Starts capturing from a microphone (default or `deviceId`) through an AudioWorklet at 16 kHz; Chromium resamples
 * the device rate to the context rate. Processing that would alter speech (echo cancellation, noise suppression)
 * is off so live audio matches what the model was trained on.
 * @throws Error with describeMicrophoneError's message.
 */
export async function startMicrophone(deviceId: string | null, handlers: MicrophoneHandlers): Promise<Microphone> {
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { deviceId: deviceId ? { exact: deviceId } : undefined, channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: true }
    })
  } catch (err) {
    throw new Error(describeMicrophoneError(err))
  }
  const context = new AudioContext({ sampleRate: CAPTURE_SAMPLE_RATE })
  await context.audioWorklet.addModule(workletUrl)
  const source = context.createMediaStreamSource(stream)
  const node = new AudioWorkletNode(context, 'pcm-capture', { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1 })
  node.port.onmessage = (event: MessageEvent<{ pcm: Float32Array; peak: number }>) => handlers.onChunk(event.data.pcm, event.data.peak)
  source.connect(node)
  const track = stream.getAudioTracks()[0]!
  let stopped = false
  track.onended = () => !stopped && handlers.onEnded('The microphone was disconnected.')
  return {
    deviceLabel: track.label || 'microphone',
    async stop() {
      stopped = true
      node.port.onmessage = null
      source.disconnect()
      for (const t of stream.getTracks()) t.stop()
      await context.close()
    }
  }
}

/** Audio input devices (labels appear once microphone permission was granted). */
export async function listMicrophones(): Promise<Array<{ id: string; label: string }>> {
  const devices = await navigator.mediaDevices.enumerateDevices()
  return devices.filter((d) => d.kind === 'audioinput').map((d, i) => ({ id: d.deviceId, label: d.label || `Microphone ${i + 1}` }))
}
