import { chromium, type BrowserContext } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromiumPath } from '../playwright.config'
import { saveTinyModel } from '../src/node/testing/tiny-model-dir'
import { expect, startHost, stopHost, test } from './fixtures/browser-host'
import { baseArgs } from './fixtures/fake-microphone'

/** A port that is free now (the host must come back on the same one: the page's storage is per origin). */
function freePort(): Promise<number> {
  const server = createServer()
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number }
    server.close(() => resolve(port))
  }))
}

/** Whether Chromium has written `text` into the profile's localStorage database on disk. */
function onDisk(profile: string, text: string): boolean {
  const dir = join(profile, 'Default', 'Local Storage', 'leveldb')
  return existsSync(dir) && readdirSync(dir).some((file) => readFileSync(join(dir, file)).includes(text))
}

/** SIGKILLs every process started with this profile (the browser and its helpers; none of them exits cleanly). */
function killBrowser(profile: string): void {
  const pids = execFileSync('pgrep', ['-f', '--', `--user-data-dir=${profile}`], { encoding: 'utf8' }).trim().split('\n').map(Number)
  for (const pid of pids) process.kill(pid, 'SIGKILL')
}

const launch = (profile: string): Promise<BrowserContext> => chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: baseArgs() })

test('decoder settings and the dictation transcript survive kill -9 of the browser, the host and the engine', async () => {
  test.setTimeout(90_000)
  const dir = mkdtempSync(join(tmpdir(), 's2s-crash-e2e-'))
  const profile = join(dir, 'profile')
  await saveTinyModel(join(dir, 'model'))
  const env = { S2S_USER_DATA: join(dir, 'user'), S2S_MODEL_DIR: join(dir, 'model') }
  const port = await freePort()
  const words = `kept through a crash ${port}`

  const first = await startHost(env, port)
  const before = await launch(profile)
  const page = await before.newPage()
  await page.goto(first.url)
  await page.getByLabel('Transcript').fill(words)
  await page.keyboard.press('Alt+4')
  await page.getByLabel('Decoder').selectOption('greedy')
  // Chromium writes localStorage to disk shortly after a change; once it has, nothing of ours may lose it.
  await expect.poll(() => onDisk(profile, words) && onDisk(profile, '"decoder":"greedy"'), { timeout: 30_000 }).toBe(true)
  killBrowser(profile)
  first.process.kill('SIGKILL') // the engine child exits when its parent's IPC channel closes
  await before.close().catch(() => undefined)

  const second = await startHost(env, port)
  const after = await launch(profile)
  try {
    const reopened = await after.newPage()
    await reopened.goto(second.url)
    await expect(reopened.getByLabel('Transcript')).toHaveValue(words)
    await reopened.keyboard.press('Alt+4')
    await expect(reopened.getByLabel('Decoder')).toHaveValue('greedy')
  } finally {
    await after.close()
    await stopHost(second)
  }
})
