import { z } from 'zod'

/**
 * Desktop-only services the Electron shell offers the page as `window.shell` (absent in the browser host).
 * Main validates every payload with these schemas.
 */
export type ShellCommand = 'toggle-dictation'

/** Text to type into the focused application (one dictated segment). */
export const insertTextSchema = z.string().min(1).max(20_000)

export interface InsertResult {
  ok: boolean
  /** Why nothing was pasted (no paste tool on this system, the tool failed). */
  reason?: string
}

export interface ShellApi {
  /** The global dictation hotkey, as Electron writes accelerators (e.g. "CommandOrControl+Shift+Space"). */
  readonly hotkey: string
  /** Commands from the desktop (the global hotkey); returns unsubscribe. */
  onCommand(listener: (command: ShellCommand) => void): () => void
  /** Puts `text` on the clipboard and pastes it into the application that has the keyboard focus. */
  insertText(text: string): Promise<InsertResult>
}

/** main → page: a ShellCommand. */
export const SHELL_COMMAND_CHANNEL = 'shell:command'
/** page → main (invoke): insertText. */
export const INSERT_TEXT_CHANNEL = 'shell:insert-text'
export const DICTATION_HOTKEY = 'CommandOrControl+Shift+Space'
