import type { EngineInfo, EngineState } from '../../../../shared/contract'
import { api } from '../api'

/** What the status bar shows about the engine: its lifecycle state and, once reachable, its info. */
class EngineStatus {
  state = $state<EngineState>('starting')
  detail = $state('connecting to the engine')
  info = $state.raw<EngineInfo | null>(null)

  constructor() {
    api.onEvent((event) => {
      if (event.type !== 'engine-state') return
      this.state = event.state
      this.detail = event.detail
      if (event.state === 'starting' || event.state === 'ready') void this.refresh()
    })
    void this.refresh()
  }

  /** Asks the engine for its info; success means it is ready. */
  async refresh(): Promise<void> {
    try {
      this.info = await api.call('engine.info', {})
      this.state = 'ready'
      this.detail = 'engine ready'
    } catch (err) {
      if (this.state !== 'down') this.detail = (err as Error).message
    }
  }
}

export const engineStatus = new EngineStatus()
