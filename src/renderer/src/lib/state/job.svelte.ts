import type { Method, ParamsOf, ResultOf } from '../../../../shared/contract'
import { newJobId } from '../../../../shared/rpc-client'
import { api } from '../api'

export type JobPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed'

/**
 * One cancellable engine call with live progress, for any view: start → progress events → result/cancel/error.
 * Progress events of other jobs are ignored.
 */
export class EngineJob<M extends Method> {
  phase = $state<JobPhase>('idle')
  fraction = $state(0)
  message = $state('')
  result = $state.raw<ResultOf<M> | null>(null)
  error = $state<string | null>(null)
  #jobId: string | null = null

  constructor(private readonly method: M) {
    api.onEvent((event) => {
      if (event.type === 'progress' && event.jobId === this.#jobId) {
        this.fraction = event.fraction
        this.message = event.message
      }
    })
  }

  async start(params: ParamsOf<M>): Promise<void> {
    if (this.phase === 'running') return
    const jobId = newJobId(this.method)
    this.#jobId = jobId
    Object.assign(this, { phase: 'running', fraction: 0, message: 'starting…', error: null, result: null })
    try {
      this.result = await api.call(this.method, params, jobId)
      this.phase = 'done'
      this.fraction = 1
    } catch (err) {
      const cancelled = (err as { code?: string }).code === 'cancelled'
      this.phase = cancelled ? 'cancelled' : 'failed'
      this.error = cancelled ? null : (err as Error).message
    }
  }

  cancel(): void {
    if (this.#jobId && this.phase === 'running') api.cancel(this.#jobId)
  }
}
