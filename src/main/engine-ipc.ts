import { ipcMain, type BrowserWindow } from 'electron'
import type { EngineApi } from '../shared/rpc-client'
import { ENGINE_CHANNEL } from '../shared/ipc'
import { bridgeConnection } from '../node/engine-bridge'
import { isAppUrl } from './security'

/**
 * Relays the window's engine messages. Messages from any other webContents or frame, or from a page that is
 * not the app, are dropped (trusted-sender check); the bridge validates envelopes and the engine validates params.
 */
export function connectWindowToEngine(window: BrowserWindow, engine: EngineApi, appUrl: string): void {
  const contents = window.webContents
  const bridge = bridgeConnection(engine, (message) => {
    if (!contents.isDestroyed()) contents.send(ENGINE_CHANNEL, message)
  })
  const onMessage = (event: Electron.IpcMainEvent, raw: unknown): void => {
    const frame = event.senderFrame
    if (event.sender !== contents || !frame || frame !== contents.mainFrame || !isAppUrl(frame.url, appUrl)) return
    bridge.receive(raw)
  }
  ipcMain.on(ENGINE_CHANNEL, onMessage)
  window.once('closed', () => {
    ipcMain.off(ENGINE_CHANNEL, onMessage)
    bridge.close()
  })
}
