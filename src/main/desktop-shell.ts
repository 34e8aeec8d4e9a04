import { clipboard, globalShortcut, ipcMain, type BrowserWindow } from 'electron'
import { DICTATION_HOTKEY, INSERT_TEXT_CHANNEL, insertTextSchema, SHELL_COMMAND_CHANNEL, type InsertResult } from '../shared/shell'
import { insertIntoFocusedApp, runProgram } from './insert-text'
import { isAppUrl } from './security'

/**
 * Desktop-only services for one window: the global dictation hotkey (works while another app has the focus)
 * and "insert into the focused app". Requests from other frames or pages are refused; the text is validated.
 * Returns the cleanup to run when the window closes.
 */
export function connectDesktopShell(window: BrowserWindow, appUrl: string): () => void {
  const contents = window.webContents
  const registered = globalShortcut.register(DICTATION_HOTKEY, () => {
    if (!contents.isDestroyed()) contents.send(SHELL_COMMAND_CHANNEL, 'toggle-dictation')
  })
  if (!registered) process.stderr.write(`[main] the dictation hotkey ${DICTATION_HOTKEY} is taken by another application\n`)

  ipcMain.handle(INSERT_TEXT_CHANNEL, async (event, raw: unknown): Promise<InsertResult> => {
    const frame = event.senderFrame
    if (event.sender !== contents || !frame || frame !== contents.mainFrame || !isAppUrl(frame.url, appUrl)) return { ok: false, reason: 'Refused: not the app window.' }
    const text = insertTextSchema.safeParse(raw)
    if (!text.success) return { ok: false, reason: 'Refused: the text must be 1 to 20000 characters.' }
    return insertIntoFocusedApp(text.data, {
      clipboard, platform: process.platform, env: process.env, run: runProgram, delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
    })
  })
  return () => {
    if (registered) globalShortcut.unregister(DICTATION_HOTKEY)
    ipcMain.removeHandler(INSERT_TEXT_CHANNEL)
  }
}
