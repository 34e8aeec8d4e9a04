import type { EngineApi } from '../../../shared/rpc-client'
import { connectWebSocketApi } from './web-api'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    api?: EngineApi
  }
}

/** The one seam between the UI and the engine: the preload's API in Electron, a WebSocket in the browser. */
export const api: EngineApi = window.api ?? connectWebSocketApi()

/** Which front door the page runs behind, shown in the status bar. */
export const shell: 'electron' | 'browser' = window.api ? 'electron' : 'browser'
