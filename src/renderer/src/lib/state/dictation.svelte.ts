import { DICTATION_PUSH_FRAMES, type AttentionMap, type DictationSegment, type DictationUpdate } from '../../../../shared/dictation'
import type { FeatureMatrix } from '../../../../model/features/feature-config'
import { newJobId } from '../../../../shared/rpc-client'
import { api, desktopShell } from '../api'
import { decoderSettings } from './decoder-settings.svelte'
import { FrameBuffer } from '../../../../model/features/frame-buffer'
import { microphone } from './microphone.svelte'
import { appendSegment, presentSegment } from './transcript-policy'

export type DictationPhase = 'idle' | 'starting' | 'live' | 'stopping'

/** A segment as the alignment view shows it: the engine's reading plus the spectrogram it was read from. */
export interface ReviewSegment {
  index: number
  text: string
  final: boolean
  start: number
  alignment: AttentionMap
  spectrogram: FeatureMatrix
  frameSeconds: number
}

const TEXT_KEY = 's2s.dictation.text'
const INSERT_KEY = 's2s.dictation.insertIntoFocusedApp'
/** Finals kept with their maps for review. */
const REVIEW_LIMIT = 50
/** Live history for cutting segment spectrograms (a segment is at most 12 s). */
const HISTORY_FRAMES = 1600

/**
 * Live dictation in the page: microphone features → engine session → partials, finals and attention maps.
 * The transcript is the user's text: finals are appended to it, it can be edited at any time, and it is saved
 * to localStorage on every change so a reload, crash or engine restart never loses it.
 */
class Dictation {
  phase = $state<DictationPhase>('idle')
  error = $state<string | null>(null)
  /** The transcript (finals appended, user edits kept). */
  text = $state(localStorage.getItem(TEXT_KEY) ?? '')
  /** The open segment's reading, shown muted after the transcript. */
  partial = $state.raw<DictationSegment | null>(null)
  speaking = $state(false)
  /** Final segments with their maps, oldest first. */
  reviews = $state.raw<ReviewSegment[]>([])
  /** The segment the alignment view follows (the open one while it exists). */
  live = $state.raw<ReviewSegment | null>(null)
  /** Desktop only: also paste each final into the application that has the keyboard focus. */
  insertIntoFocusedApp = $state(desktopShell !== null && localStorage.getItem(INSERT_KEY) === 'true')

  #jobId: string | null = null
  #sessionId: string | null = null
  #frameSeconds = 0.01
  #pending: Float32Array[] = []
  #pendingFrames = 0
  #history: FrameBuffer | null = null
  #session: Promise<unknown> | null = null

  constructor() {
    api.onEvent((event) => {
      if (event.type === 'dictation' && event.jobId === this.#jobId) this.#apply(event.update)
      if (event.type === 'engine-state' && (event.state === 'restarting' || event.state === 'down') && this.phase !== 'idle') {
        void this.#abandon('The engine restarted, so dictation stopped. Your text is kept; press Start to go on.')
      }
    })
    microphone.onFeatures((frames, dim) => this.#accept(frames, dim))
    microphone.onEnded((reason) => void this.#abandon(`${reason} Dictation stopped; your text is kept.`))
    desktopShell?.onCommand((command) => command === 'toggle-dictation' && void this.toggle())
  }

  setInsertIntoFocusedApp(on: boolean): void {
    this.insertIntoFocusedApp = on
    localStorage.setItem(INSERT_KEY, String(on))
  }

  setText(text: string): void {
    this.text = text
    localStorage.setItem(TEXT_KEY, text)
  }

  async start(): Promise<void> {
    if (this.phase !== 'idle') return
    this.phase = 'starting'
    this.error = null
    this.partial = null
    this.live = null
    const jobId = newJobId('dictation')
    this.#jobId = jobId
    this.#sessionId = null
    this.#pending = []
    this.#pendingFrames = 0
    this.#session = api.call('dictation.session', { decoding: decoderSettings.settings }, jobId).catch((err: unknown) => {
      if (this.#jobId === jobId && (err as { code?: string }).code !== 'cancelled') void this.#abandon((err as Error).message)
    })
    await microphone.start()
    if (microphone.status !== 'listening') {
      api.cancel(jobId)
      this.#jobId = null
      this.phase = 'idle'
      this.error = microphone.error
    }
  }

  /** Stops listening; the open segment is finalised before the session ends. */
  async stop(): Promise<void> {
    if (this.phase !== 'live' && this.phase !== 'starting') return
    this.phase = 'stopping'
    await microphone.stop()
    if (this.#sessionId) {
      this.#pushPending()
      await api.call('dictation.stop', { sessionId: this.#sessionId }).catch(() => undefined)
      await this.#session
    } else if (this.#jobId) {
      api.cancel(this.#jobId)
    }
    this.#end()
  }

  toggle(): Promise<void> {
    return this.phase === 'idle' ? this.start() : this.stop()
  }

  /** New decoder settings apply from the next segment on. */
  reconfigure(): void {
    if (this.#sessionId) void api.call('dictation.configure', { sessionId: this.#sessionId, decoding: decoderSettings.settings }).catch(() => undefined)
  }

  #apply(update: DictationUpdate): void {
    switch (update.kind) {
      case 'started':
        this.#sessionId = update.sessionId
        this.#frameSeconds = update.frameSeconds
        this.#history = new FrameBuffer(update.featureDim, HISTORY_FRAMES)
        this.phase = 'live'
        for (const chunk of this.#pending) this.#remember(chunk)
        this.#pushPending()
        return
      case 'speech':
        this.speaking = update.active
        return
      case 'partial':
        this.partial = update.segment
        this.live = this.#review(update.segment, false)
        return
      case 'final': {
        this.partial = null
        if (!update.segment.stable) return
        this.setText(appendSegment(this.text, update.segment.stable))
        if (this.insertIntoFocusedApp) void this.#insert(presentSegment(update.segment.stable) + ' ')
        const review = this.#review(update.segment, true)
        this.live = review
        this.reviews = [...this.reviews, review].slice(-REVIEW_LIMIT)
      }
    }
  }

  async #insert(text: string): Promise<void> {
    const result = await desktopShell?.insertText(text)
    if (result && !result.ok) this.error = result.reason ?? 'Pasting into the focused app failed.'
  }

  #review(segment: DictationSegment, final: boolean): ReviewSegment {
    const from = Math.round(segment.start / this.#frameSeconds)
    const to = Math.round(segment.end / this.#frameSeconds)
    const spectrogram = this.#history?.read(from, to) ?? { frames: 0, dim: 0, data: new Float32Array(0) }
    const text = final ? segment.stable : [segment.stable, segment.unstable].filter(Boolean).join(' ')
    return { index: segment.index, text, final, start: segment.start, alignment: segment.alignment, spectrogram, frameSeconds: this.#frameSeconds }
  }

  #accept(frames: Float32Array, dim: number): void {
    if (this.phase !== 'live' && this.phase !== 'starting') return
    this.#pending.push(frames.slice())
    this.#pendingFrames += frames.length / dim
    if (this.#sessionId) {
      this.#remember(frames)
      if (this.#pendingFrames >= DICTATION_PUSH_FRAMES) this.#pushPending()
    }
  }

  /** Keeps the last HISTORY_FRAMES frames for cutting segment spectrograms. */
  #remember(frames: Float32Array): void {
    this.#history?.append(frames)
    this.#history?.dropBefore(this.#history.end - HISTORY_FRAMES)
  }

  #pushPending(): void {
    if (!this.#sessionId || this.#pending.length === 0) return
    const features: number[] = []
    for (const chunk of this.#pending.splice(0)) for (const v of chunk) features.push(v)
    this.#pendingFrames = 0
    void api.call('dictation.push', { sessionId: this.#sessionId, features }).catch((err: unknown) => void this.#abandon((err as Error).message))
  }

  /** Ends a session that broke (engine restart, device loss, engine error), keeping the text. */
  async #abandon(reason: string): Promise<void> {
    if (this.phase === 'idle') return
    if (this.#jobId) api.cancel(this.#jobId)
    await microphone.stop()
    this.#end()
    this.error = reason
  }

  #end(): void {
    this.phase = 'idle'
    this.speaking = false
    this.partial = null
    this.#jobId = null
    this.#sessionId = null
    this.#session = null
  }
}

export const dictation = new Dictation()
