import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY, isPermissionAllowed, secureWebPreferences } from './security'

/**
 * Electron is mocked at the module edge (there is no Electron binary on build machines): the tests check what
 * our code asks Electron to do, not Electron itself.
 */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => void>()
  const contents = {
    on: vi.fn((name: string, fn: (...args: unknown[]) => void) => handlers.set(name, fn)),
    setWindowOpenHandler: vi.fn(),
    send: vi.fn(),
    isDestroyed: () => false,
    mainFrame: { url: 'file:///app/out/renderer/index.html' }
  }
  const windowOptions: unknown[] = []
  class BrowserWindow {
    webContents = contents
    constructor(options: unknown) {
      windowOptions.push(options)
    }
    once = vi.fn()
    loadURL = vi.fn(async () => undefined)
  }
  const ipcListeners: Array<(event: unknown, raw: unknown) => void> = []
  const ipcMain = { on: vi.fn((_c: string, fn: (event: unknown, raw: unknown) => void) => ipcListeners.push(fn)), off: vi.fn() }
  return { handlers, contents, windowOptions, BrowserWindow, ipcMain, ipcListeners, shell: { openExternal: vi.fn() } }
})
vi.mock('electron', () => electron)

const appUrl = 'file:///app/out/renderer/index.html'

describe('renderer web preferences', () => {
  it('are sandboxed, context-isolated and without Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
  })

  it('are the ones the main window is created with, and navigation/new windows are guarded', async () => {
    const { createMainWindow } = await import('./window')
    createMainWindow(appUrl, '/app/out/preload/index.cjs')
    expect(electron.windowOptions.at(-1)).toMatchObject({ webPreferences: secureWebPreferences('/app/out/preload/index.cjs') })

    const navigate = electron.handlers.get('will-navigate')!
    const foreign = { preventDefault: vi.fn() }
    navigate(foreign, 'https://evil.example/')
    expect(foreign.preventDefault).toHaveBeenCalled()
    const own = { preventDefault: vi.fn() }
    navigate(own, appUrl)
    expect(own.preventDefault).not.toHaveBeenCalled()

    const openHandler = electron.contents.setWindowOpenHandler.mock.calls.at(-1)![0] as (d: { url: string }) => { action: string }
    expect(openHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(openHandler({ url: 'smb://host/share' })).toEqual({ action: 'deny' })
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://example.com']])
    const webview = { preventDefault: vi.fn() }
    electron.handlers.get('will-attach-webview')!(webview)
    expect(webview.preventDefault).toHaveBeenCalled()
  })
})

describe('content security policy', () => {
  it('allows only our own scripts and no objects, and matches index.html', async () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    const { readFileSync } = await import('node:fs')
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(CONTENT_SECURITY_POLICY.startsWith(meta ?? '<missing>')).toBe(true)
  })
})

describe('permission handler', () => {
  it('grants the microphone to our own page only', () => {
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: appUrl, mediaTypes: ['audio'] }, appUrl)).toBe(true)
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: 'https://evil.example', mediaTypes: ['audio'] }, appUrl)).toBe(false)
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: 'file:///other.html', mediaTypes: ['audio'] }, appUrl)).toBe(false)
  })

  it('denies camera, screen capture and every other permission', () => {
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: appUrl, mediaTypes: ['audio', 'video'] }, appUrl)).toBe(false)
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: appUrl, mediaTypes: [] }, appUrl)).toBe(false)
    for (const permission of ['geolocation', 'notifications', 'display-capture', 'clipboard-read', 'openExternal', 'hid']) {
      expect(isPermissionAllowed({ permission, requestingUrl: appUrl }, appUrl), permission).toBe(false)
    }
  })
})

describe('IPC sender check', () => {
  beforeEach(() => electron.ipcListeners.splice(0))

  it('forwards messages from the app frame and drops those from other senders or frames', async () => {
    const { connectWindowToEngine } = await import('./engine-ipc')
    const calls: string[] = []
    const engine = {
      call: vi.fn(async (method: string) => {
        calls.push(method)
        return { pong: true, at: 0 }
      }),
      cancel: vi.fn(),
      onEvent: () => () => undefined
    }
    const window = new electron.BrowserWindow({}) as unknown as import('electron').BrowserWindow
    connectWindowToEngine(window, engine as never, appUrl)
    const listener = electron.ipcListeners.at(-1)!
    const message = { kind: 'call', id: 'a', method: 'engine.info', params: {} }
    listener({ sender: {}, senderFrame: electron.contents.mainFrame }, message)
    listener({ sender: electron.contents, senderFrame: { url: appUrl } }, message)
    listener({ sender: electron.contents, senderFrame: { ...electron.contents.mainFrame, url: 'https://evil.example' } }, message)
    expect(calls).toEqual([])
    listener({ sender: electron.contents, senderFrame: electron.contents.mainFrame }, message)
    expect(calls).toEqual(['engine.info'])
  })
})
