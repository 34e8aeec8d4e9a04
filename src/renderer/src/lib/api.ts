import type { EngineApi } from '../../../shared/rpc-client'
import type { ShellApi } from '../../../shared/shell'
import { connectWebSocketApi } from './web-api'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    api?: EngineApi
    /** Desktop services (global hotkey, paste into other apps); set by the Electron preload only. */
    shell?: ShellApi
  }
}

/** The one seam between the UI and the engine: the preload's API in Electron, a WebSocket in the browser. */
export const api: EngineApi = window.api ?? connectWebSocketApi()

/** The desktop shell's services, or null in a plain browser. */
export const desktopShell: ShellApi | null = window.shell ?? null

/** Which front door the page runs behind, shown in the status bar. */
export const shell: 'electron' | 'browser' = window.api ? 'electron' : 'browser'
