import { app, BrowserWindow, session } from 'electron'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { EngineSupervisor } from '../node/engine-supervisor'
import { connectDesktopShell } from './desktop-shell'
import { connectWindowToEngine } from './engine-ipc'
import { spawnUtilityEngine } from './engine-utility'
import { secureSession } from './guards'
import { createMainWindow } from './window'

/**
 * Electron main: a thin broker. It owns the window and the engine utilityProcess and relays messages between
 * them; it never runs model code.
 */
const here = fileURLToPath(new URL('.', import.meta.url))
const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href
const resourcesPath = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources')

app.enableSandbox()
if (!app.requestSingleInstanceLock()) app.quit()

void app.whenReady().then(() => {
  secureSession(session.defaultSession, appUrl)
  const engine = new EngineSupervisor(spawnUtilityEngine(join(here, 'engine.js'), resourcesPath))
  const open = (): void => {
    const window = createMainWindow(appUrl, join(here, '../preload/index.cjs'))
    connectWindowToEngine(window, engine, appUrl)
    window.once('closed', connectDesktopShell(window, appUrl))
  }
  open()
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && open())
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus())
  app.on('window-all-closed', () => {
    void engine.stop().finally(() => app.quit())
  })
})
