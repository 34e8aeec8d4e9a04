import type { WebPreferences } from 'electron'

/**
 * The renderer's locked-down preferences (Electron security checklist): sandboxed, context-isolated, no Node,
 * no webview tags, no remote content. Tested in security.test.ts so a template default cannot creep back.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false
  }
}

/** The Content-Security-Policy for every response the window loads (also set as a meta tag in index.html). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

/** Whether a URL belongs to the app itself (the built renderer file, or the dev server in development). */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const candidate = new URL(url)
    const app = new URL(appUrl)
    if (app.protocol === 'file:') return candidate.protocol === 'file:' && candidate.pathname === app.pathname
    return candidate.origin === app.origin
  } catch {
    return false
  }
}

export interface PermissionQuery {
  permission: string
  requestingUrl: string
  mediaTypes?: string[]
}

/** Only the microphone, only for our own page. Video, screen capture, notifications, geolocation… are denied. */
export function isPermissionAllowed(query: PermissionQuery, appUrl: string): boolean {
  if (!isAppUrl(query.requestingUrl, appUrl)) return false
  if (query.permission !== 'media') return false
  const types = query.mediaTypes ?? []
  return types.length > 0 && types.every((type) => type === 'audio')
}
