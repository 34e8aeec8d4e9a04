import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DICTATION_HOTKEY, INSERT_TEXT_CHANNEL, SHELL_COMMAND_CHANNEL } from '../shared/shell'
import { insertIntoFocusedApp, pasteCommand, type InsertDeps } from './insert-text'

/** Electron mocked at the module edge: the tests check what our code asks of it. */
const electron = vi.hoisted(() => {
  let clip = ''
  const shortcuts = new Map<string, () => void>()
  const handlers = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>()
  return {
    shortcuts,
    handlers,
    clipboard: { readText: () => clip, writeText: (t: string) => void (clip = t) },
    globalShortcut: { register: vi.fn((key: string, fn: () => void) => (shortcuts.set(key, fn), true)), unregister: vi.fn((key: string) => shortcuts.delete(key)) },
    ipcMain: { handle: vi.fn((channel: string, fn: (event: unknown, raw: unknown) => Promise<unknown>) => handlers.set(channel, fn)), removeHandler: vi.fn((c: string) => handlers.delete(c)) }
  }
})
vi.mock('electron', () => electron)

const appUrl = 'file:///app/out/renderer/index.html'

function fakeWindow() {
  const mainFrame = { url: appUrl }
  const contents = { send: vi.fn(), isDestroyed: () => false, mainFrame }
  return { webContents: contents }
}

describe('desktop shell (main)', () => {
  beforeEach(() => {
    electron.shortcuts.clear()
    electron.handlers.clear()
  })

  it('the global hotkey sends toggle-dictation to the window, and is released on close', async () => {
    const { connectDesktopShell } = await import('./desktop-shell')
    const window = fakeWindow()
    const cleanup = connectDesktopShell(window as never, appUrl)
    electron.shortcuts.get(DICTATION_HOTKEY)!()
    expect(window.webContents.send).toHaveBeenCalledWith(SHELL_COMMAND_CHANNEL, 'toggle-dictation')
    cleanup()
    expect(electron.shortcuts.has(DICTATION_HOTKEY)).toBe(false)
    expect(electron.handlers.has(INSERT_TEXT_CHANNEL)).toBe(false)
  })

  it('refuses insert requests from another page or frame, and text that fails the schema', async () => {
    const { connectDesktopShell } = await import('./desktop-shell')
    const window = fakeWindow()
    connectDesktopShell(window as never, appUrl)
    const handle = electron.handlers.get(INSERT_TEXT_CHANNEL)!
    const contents = window.webContents
    expect(await handle({ sender: {}, senderFrame: contents.mainFrame }, 'hi')).toEqual({ ok: false, reason: 'Refused: not the app window.' })
    expect(await handle({ sender: contents, senderFrame: { url: appUrl } }, 'hi')).toMatchObject({ ok: false })
    const foreign = { sender: contents, senderFrame: contents.mainFrame }
    contents.mainFrame.url = 'https://evil.example/'
    expect(await handle(foreign, 'hi')).toMatchObject({ ok: false, reason: 'Refused: not the app window.' })
    contents.mainFrame.url = appUrl
    expect(await handle(foreign, '')).toMatchObject({ ok: false, reason: expect.stringMatching(/1 to 20000/) })
    expect(await handle(foreign, { text: 'x' })).toMatchObject({ ok: false })
  })
})

describe('insert into the focused app', () => {
  const deps = (run: InsertDeps['run'], platform: NodeJS.Platform = 'linux', env: NodeJS.ProcessEnv = {}): InsertDeps & { clip: () => string } => {
    let clip = 'what the user had copied'
    return { clipboard: { readText: () => clip, writeText: (t) => void (clip = t) }, platform, env, run, delay: async () => undefined, clip: () => clip }
  }

  it('picks the paste keystroke tool per platform', () => {
    expect(pasteCommand('darwin', {})![0]).toBe('osascript')
    expect(pasteCommand('win32', {})![0]).toBe('powershell.exe')
    expect(pasteCommand('linux', {})).toEqual(['xdotool', ['key', '--clearmodifiers', 'ctrl+v']])
    expect(pasteCommand('linux', { WAYLAND_DISPLAY: 'wayland-0' })![0]).toBe('wtype')
    expect(pasteCommand('aix', {})).toBeNull()
  })

  it('pastes with the text on the clipboard, then restores what the user had copied', async () => {
    const seen: string[] = []
    const d = deps(async () => void seen.push(d.clipboard.readText() as string))
    expect(await insertIntoFocusedApp('Hello there ', d)).toEqual({ ok: true })
    expect(seen).toEqual(['Hello there '])
    expect(d.clip()).toBe('what the user had copied')
  })

  it('explains a missing paste tool in one line and leaves the text on the clipboard', async () => {
    const d = deps(async () => {
      throw Object.assign(new Error('spawn xdotool ENOENT'), { code: 'ENOENT' })
    })
    const result = await insertIntoFocusedApp('Note', d)
    expect(result).toEqual({ ok: false, reason: 'Install xdotool to paste into other apps; the text is on the clipboard.' })
    expect(d.clip()).toBe('Note')
  })
})
