import { BrowserWindow } from 'electron'
import { guardContents } from './guards'
import { secureWebPreferences } from './security'

/** Creates the app window with locked preferences and navigation guards, loading `appUrl`. */
export function createMainWindow(appUrl: string, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 's2s',
    webPreferences: secureWebPreferences(preloadPath)
  })
  guardContents(window.webContents, appUrl)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(appUrl)
  return window
}
