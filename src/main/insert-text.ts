import { execFile } from 'node:child_process'
import type { InsertResult } from '../shared/shell'

/** The keystroke that pastes into the focused application, per platform: [program, args]. */
export function pasteCommand(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): [string, string[]] | null {
  if (platform === 'darwin') return ['osascript', ['-e', 'tell application "System Events" to keystroke "v" using command down']]
  if (platform === 'win32') return ['powershell.exe', ['-NoProfile', '-Command', "(New-Object -ComObject WScript.Shell).SendKeys('^v')"]]
  if (platform === 'linux') return env.WAYLAND_DISPLAY ? ['wtype', ['-M', 'ctrl', 'v', '-m', 'ctrl']] : ['xdotool', ['key', '--clearmodifiers', 'ctrl+v']]
  return null
}

export interface InsertDeps {
  clipboard: { readText(): string | Promise<string>; writeText(text: string): void }
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  run(program: string, args: string[]): Promise<void>
  /** Waits before the user's clipboard is put back (the target app reads it asynchronously). */
  delay(ms: number): Promise<void>
}

/**
 * "Insert into the focused app": clipboard + the platform's paste keystroke, then the user's previous clipboard
 * text is restored (after a failure the text stays on the clipboard to paste by hand). Never throws: a missing tool (xdotool, wtype) or a refusal becomes a one-line reason.
 */
export async function insertIntoFocusedApp(text: string, deps: InsertDeps): Promise<InsertResult> {
  const command = pasteCommand(deps.platform, deps.env)
  if (!command) return { ok: false, reason: `Pasting into other apps is not supported on ${deps.platform}.` }
  const previous = await deps.clipboard.readText()
  deps.clipboard.writeText(text)
  try {
    await deps.run(...command)
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT'
    return { ok: false, reason: missing ? `Install ${command[0]} to paste into other apps; the text is on the clipboard.` : `Pasting failed (${(err as Error).message.split('\n')[0]}); the text is on the clipboard.` }
  }
  await deps.delay(300)
  if ((await deps.clipboard.readText()) === text) deps.clipboard.writeText(previous)
  return { ok: true }
}

/** Runs a program with a timeout, rejecting on failure. */
export function runProgram(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => execFile(program, args, { timeout: 5000 }, (err) => (err ? reject(err) : resolve())))
}
