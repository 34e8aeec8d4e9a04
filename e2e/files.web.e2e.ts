import { test as base, expect, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { isHeldOutSentence } from '../scripts/corpus/splits'
import { bundledModelMeetsQualityBar } from '../src/node/testing/bundled-model'
import { charErrorRate } from '../src/model/decoding/metrics'
import { normalizeText } from '../src/model/text/normalizer'
import { saveTinyModel } from '../src/node/testing/tiny-model-dir'
import { speakToWav } from '../src/node/tts'
import { parseSubtitles } from '../src/shared/transcript-format'
import { startHost, stopHost, type RunningHost } from './fixtures/browser-host'

/**
 * Issue 7, acceptance 1: drop a wav, an mp3 and a flac made from held-out TTS sentences (plus a broken file);
 * transcripts appear with progress; words play the audio; search; the SRT export downloads and parses; finished
 * transcripts survive a reload until removed.
 * The CER <= 15% check needs a model that meets the quality bar (see bundledModelMeetsQualityBar). Until then the
 * engine gets a tiny untrained model and the greedy decoder (which always writes something), so everything but
 * the words is checked.
 */
const SENTENCES = ['my sister painted the front door in the morning', 'the old man watched the blue car after dinner', 'my sister found three green apples before lunch']
const trained = bundledModelMeetsQualityBar()

interface Drop {
  name: string
  path: string
  /** What was said and how long it lasts; null for the broken file. */
  text: string | null
  seconds: number
}

const test = base.extend<object, { files: Drop[]; filesHost: RunningHost }>({
  files: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 's2s-files-e2e-'))
      const wavs = SENTENCES.map((text, i) => speakToWav(text, join(dir, `s${i}.wav`)))
      execFileSync('lame', ['--quiet', wavs[1]!, join(dir, 'watched.mp3')])
      execFileSync('sox', [wavs[2]!, join(dir, 'apples.flac')])
      writeFileSync(join(dir, 'broken.wav'), 'RIFF and then nothing a decoder could use')
      const seconds = wavs.map((wav) => Number(execFileSync('soxi', ['-D', wav], { encoding: 'utf8' })))
      await use([
        { name: 'painted.wav', path: wavs[0]!, text: SENTENCES[0]!, seconds: seconds[0]! },
        { name: 'broken.wav', path: join(dir, 'broken.wav'), text: null, seconds: 0 },
        { name: 'watched.mp3', path: join(dir, 'watched.mp3'), text: SENTENCES[1]!, seconds: seconds[1]! },
        { name: 'apples.flac', path: join(dir, 'apples.flac'), text: SENTENCES[2]!, seconds: seconds[2]! }
      ])
    },
    { scope: 'worker' }
  ],
  filesHost: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 's2s-files-host-'))
      if (!trained) await saveTinyModel(join(dir, 'model'))
      const host = await startHost({ S2S_USER_DATA: join(dir, 'user'), ...(trained ? {} : { S2S_MODEL_DIR: join(dir, 'model') }) })
      await use(host)
      await stopHost(host)
    },
    { scope: 'worker' }
  ]
})

/** Drops files onto the window the way a file manager does: one DataTransfer carrying File objects. */
async function dropFiles(page: Page, drops: readonly Drop[]): Promise<void> {
  const payload = drops.map((d) => ({ name: d.name, base64: readFileSync(d.path).toString('base64') }))
  // Page scripts are strings here: this project's Node typings have no DOM.
  const dataTransfer = await page.evaluateHandle(`(() => {
    const transfer = new DataTransfer()
    for (const { name, base64 } of ${JSON.stringify(payload)}) transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name))
    return transfer
  })()`)
  await page.dispatchEvent('body', 'dragover', { dataTransfer })
  await page.dispatchEvent('body', 'drop', { dataTransfer })
}

/** Picks the greedy decoder while the model is untrained: beam searches of an untrained model write nothing. */
async function useGreedyUntilTrained(page: Page): Promise<void> {
  await page.keyboard.press('Alt+2')
  if (trained) return
  await page.getByText('Decoding settings').click()
  await page.getByLabel('Decoder').selectOption('greedy')
}

/** Records every progress value any progress bar shows (files this short can finish between two polls). */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const seen = (window.progressSeen = [])
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role=progressbar]')) seen.push(bar.getAttribute('aria-label') + '=' + bar.getAttribute('aria-valuenow'))
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  })()`)
}

test('dropped wav, mp3 and flac are transcribed with progress; a broken file fails alone; SRT exports', async ({ page, files, filesHost }, testInfo) => {
  for (const sentence of SENTENCES) expect(isHeldOutSentence(normalizeText(sentence)), sentence).toBe(true)
  await page.goto(filesHost.url)
  await expect(page.getByTestId('engine-state')).toHaveText('engine: ready')
  await useGreedyUntilTrained(page)
  await page.keyboard.press('Alt+1') // the drop below must open the Files view by itself
  await recordProgress(page)
  await dropFiles(page, files)

  await expect(page.getByRole('heading', { name: 'Files', level: 1 })).toBeVisible()
  const rows = page.getByRole('list', { name: 'Files' }).getByRole('listitem')
  await expect(rows).toHaveCount(4)
  for (const [i, drop] of files.entries()) {
    const status = rows.nth(i).getByTestId('file-status')
    if (drop.text === null) await expect(status).toHaveText(/^broken\.wav: (not a readable audio file|the file contains no audio samples)/, { timeout: 60_000 })
    else await expect(status).toHaveText(/^done: [1-9]\d* segments?$/, { timeout: 60_000 })
  }
  const progress = (await page.evaluate('window.progressSeen')) as string[]
  for (const drop of files.filter((d) => d.text !== null)) expect(progress.some((p) => p.startsWith(`Transcribing ${drop.name}=`)), drop.name).toBe(true)

  for (const drop of files.filter((d) => d.text !== null)) {
    await page.getByRole('button', { name: drop.name, exact: true }).click()
    const transcript = page.getByRole('list', { name: 'Transcript' })
    await expect(transcript.getByRole('listitem').first()).toBeVisible()
    const words = transcript.locator('button.word')
    const text = (await words.allTextContents()).join(' ')
    if (trained) expect(charErrorRate([[drop.text!, text]]).rate, `${drop.name}: "${text}"`).toBeLessThanOrEqual(0.15)
    else testInfo.annotations.push({ type: 'not checked', description: `CER of ${drop.name}: the bundled model is below the quality bar (got "${text.slice(0, 40)}")` })

    // A word plays the audio from its start.
    const last = words.last()
    const start = Number((await last.getAttribute('title'))!.split(' ')[0])
    await last.click()
    await expect.poll(() => page.evaluate("document.querySelector('[data-testid=player]').currentTime")).toBeCloseTo(start, 1)

    // Search marks matching words and hides segments without the query.
    const needle = (await words.first().textContent())!.slice(0, 2)
    await page.getByRole('searchbox', { name: 'Search in the transcript' }).fill(needle)
    await expect(page.getByTestId('search-count')).toHaveText(/^[1-9]\d* of (1 segment|[1-9]\d* segments) match$/)
    await expect(transcript.locator('button.word.match').first()).toBeVisible()
    await page.getByRole('searchbox', { name: 'Search in the transcript' }).fill('')

    // The SRT export downloads, named after the file, and parses into cues inside the audio.
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export SRT' }).click()
    const saved = await download
    expect(saved.suggestedFilename()).toBe(`${basename(drop.name).replace(/\.[^.]+$/, '')}.srt`)
    const cues = parseSubtitles(readFileSync(await saved.path(), 'utf8'))
    expect(cues.length).toBeGreaterThan(0)
    for (const cue of cues) {
      expect(cue.start).toBeGreaterThanOrEqual(0)
      expect(cue.end).toBeGreaterThan(cue.start)
      expect(cue.end).toBeLessThanOrEqual(drop.seconds + 0.1) // mp3 adds its encoder delay at most
      expect(cue.text.trim()).not.toBe('')
    }
  }
  await page.screenshot({ path: testInfo.outputPath('files-transcribed.png'), fullPage: true })

  // Finished transcripts survive a reload (the failed file is not kept); removing one forgets it for good.
  const transcribed = files.filter((d) => d.text !== null)
  const wordsOf = async (name: string): Promise<string> => {
    await page.getByRole('button', { name, exact: true }).click()
    return (await page.getByRole('list', { name: 'Transcript' }).locator('button.word').allTextContents()).join(' ')
  }
  const before = await wordsOf(transcribed[0]!.name)
  await page.reload()
  await page.keyboard.press('Alt+2')
  await expect(rows).toHaveCount(transcribed.length)
  for (const [i, drop] of transcribed.entries()) await expect(rows.nth(i).getByRole('button', { name: drop.name, exact: true })).toBeVisible()
  expect(await wordsOf(transcribed[0]!.name)).toBe(before)
  await expect(page.getByTestId('player')).toHaveAttribute('src', /^blob:/)
  await page.getByRole('button', { name: `Remove ${transcribed[0]!.name}` }).click()
  await expect(rows).toHaveCount(transcribed.length - 1)
  await page.reload()
  await page.keyboard.press('Alt+2')
  await expect(rows).toHaveCount(transcribed.length - 1)
  await expect(page.getByRole('button', { name: transcribed[0]!.name, exact: true })).toHaveCount(0)
})

test('the file picker works from the keyboard; cancel stops one file while the queue goes on; cancel all', async ({ page, files, filesHost }) => {
  await page.goto(filesHost.url)
  await useGreedyUntilTrained(page)
  const picker = page.getByRole('button', { name: 'Choose audio files…' })
  await picker.focus()
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Enter')
  // A long file (about 10 minutes) is cancelled while it is transcribed; the next one must still finish.
  const long = join(mkdtempSync(join(tmpdir(), 's2s-files-cancel-')), 'long.wav')
  execFileSync('sox', [files[0]!.path, long, 'repeat', '200'])
  await (await chooser).setFiles([long, files[2]!.path])
  const rows = page.getByRole('list', { name: 'Files' }).getByRole('listitem')
  await expect(page.getByRole('progressbar', { name: 'Transcribing long.wav' })).toBeVisible({ timeout: 30_000 })
  await page.getByRole('button', { name: 'Cancel long.wav' }).click()
  await expect(rows.nth(0).getByTestId('file-status')).toHaveText('cancelled')
  await expect(rows.nth(1).getByTestId('file-status')).toHaveText(/^done: /, { timeout: 60_000 })

  // Cancel all: the running file and the queued one.
  const again = page.waitForEvent('filechooser')
  await picker.click()
  await (await again).setFiles([long, long])
  await expect(rows).toHaveCount(4)
  await expect(rows.nth(2).getByRole('progressbar')).toBeVisible()
  await page.getByRole('button', { name: 'Cancel all' }).click()
  await expect(rows.nth(2).getByTestId('file-status')).toHaveText('cancelled')
  await expect(rows.nth(3).getByTestId('file-status')).toHaveText('cancelled')
  await expect(page.getByRole('button', { name: 'Cancel all' })).toHaveCount(0)
})
