import { shell, type Session, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY, isAppUrl, isPermissionAllowed } from './security'

/** Applies the session-wide rules: CSP header on every response and a microphone-only permission policy. */
export function secureSession(session: Session, appUrl: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes as string[] | undefined) : undefined
    callback(isPermissionAllowed({ permission, requestingUrl: webContents.getURL(), mediaTypes }, appUrl))
  })
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) => {
    const mediaType = 'mediaType' in details ? (details.mediaType as string | undefined) : undefined
    return isPermissionAllowed({ permission, requestingUrl: requestingOrigin, mediaTypes: mediaType ? [mediaType] : ['audio'] }, appUrl)
  })
}

/** Blocks navigation away from the app, new windows (https links open in the system browser) and webviews. */
export function guardContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
}
