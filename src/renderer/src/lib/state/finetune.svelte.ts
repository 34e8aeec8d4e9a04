import type { FinetuneProgress, FinetuneResult } from '../../../../shared/finetune'
import { newJobId } from '../../../../shared/rpc-client'
import { api } from '../api'
import { engineStatus } from './engine-status.svelte'
import { modelVersions } from './model-versions.svelte'

export type FinetunePhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed'

/** One point of the live chart: training loss after a step, held-out CER (percent) on validation steps. */
export interface ChartPoint {
  step: number
  loss: number | null
  cer: number | null
}

/** The fine-tune job as the Train view shows it: live progress, the loss/CER series, the result. */
class FinetuneJob {
  phase = $state<FinetunePhase>('idle')
  progress = $state.raw<FinetuneProgress | null>(null)
  points = $state.raw<ChartPoint[]>([])
  result = $state.raw<FinetuneResult | null>(null)
  error = $state<string | null>(null)
  #jobId: string | null = null

  constructor() {
    api.onEvent((event) => {
      if (event.type !== 'finetune' || event.jobId !== this.#jobId) return
      const p = event.progress
      this.progress = p
      if (p.phase === 'training' && p.loss !== null && p.valCer === null) this.points = [...this.points, { step: p.step, loss: p.loss, cer: null }]
      if (p.valCer !== null) this.points = [...this.points, { step: p.step, loss: null, cer: 100 * p.valCer }]
    })
  }

  async start(epochs: number): Promise<void> {
    if (this.phase === 'running') return
    this.#jobId = newJobId('finetune')
    Object.assign(this, { phase: 'running', progress: null, points: [], result: null, error: null })
    try {
      this.result = await api.call('finetune.start', { epochs }, this.#jobId)
      this.phase = 'done'
    } catch (err) {
      const cancelled = (err as { code?: string }).code === 'cancelled'
      this.phase = cancelled ? 'cancelled' : 'failed'
      this.error = cancelled ? null : (err as Error).message
    }
    await Promise.all([modelVersions.refresh(), engineStatus.refresh()])
  }

  cancel(): void {
    if (this.#jobId && this.phase === 'running') api.cancel(this.#jobId)
  }
}

export const finetune = new FinetuneJob()
