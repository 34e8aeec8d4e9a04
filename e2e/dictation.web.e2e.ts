import { test as base, expect } from '@playwright/test'
import { charErrorRate } from '../src/model/decoding/metrics'
import { startHost, stopHost, type RunningHost } from './fixtures/browser-host'
import { durationOf, launchWithFakeMicrophone, noiseAndSilence, padWithSilence, speak } from './fixtures/fake-microphone'
import { trainFixtureModel } from './fixtures/fixture-model'

/**
 * Live dictation end to end: Chromium's fake microphone plays a WAV, the page computes features with Meyda and
 * streams them to the engine, partials and finals come back. The engine runs a tiny model overfitted on the
 * sentence, so these tests check the pipeline — timing of partials, the final text, the alignment map, silence
 * handling — not the model's generalisation. A tiny overfitted model does not learn a monotonic attention (its
 * bidirectional encoder lets it memorise); the diagonal-alignment check runs against the bundled model in
 * dictation-bundled.web.e2e.ts.
 */
const SENTENCE = 'please open the window in the kitchen'

const test = base.extend<object, { modelHost: RunningHost }>({
  modelHost: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const host = await startHost({ S2S_MODEL_DIR: trainFixtureModel([SENTENCE]) })
      await use(host)
      await stopHost(host)
    },
    // Training the fixture model takes ~110 s on the 2-core build machine; the host starts in seconds.
    { scope: 'worker', timeout: 300_000 }
  ]
})

test('dictating a sentence: partials while speaking, the final text and its alignment map', async ({ modelHost }, testInfo) => {
  const wav = padWithSilence(speak(SENTENCE), 1, 4)
  const spoken = durationOf(wav) - 5
  const browser = await launchWithFakeMicrophone(wav)
  try {
    const page = await browser.newPage()
    await page.goto(modelHost.url)
    await page.getByRole('button', { name: 'Start dictation' }).click()
    await expect(page.getByTestId('mic-status')).toContainText('listening')

    // A partial appears while the sentence is still being spoken (measured from speech onset).
    await expect(page.getByTestId('speech-state')).toHaveText('speech', { timeout: 15_000 })
    const onset = Date.now()
    await expect(page.getByTestId('partial')).not.toBeEmpty({ timeout: 10_000 })
    expect((Date.now() - onset) / 1000).toBeLessThan(spoken)
    await page.screenshot({ path: testInfo.outputPath('dictate-speaking.png') })

    // The final lands in the transcript.
    const transcript = page.getByLabel('Transcript')
    await expect(transcript).not.toHaveValue('', { timeout: 15_000 })
    const text = (await transcript.inputValue()).toLowerCase()
    expect(charErrorRate([[SENTENCE, text]]).rate, `final text: ${text}`).toBeLessThanOrEqual(0.15)

    // The alignment view shows the final's map: one row per character of its text.
    const canvas = page.locator('canvas[data-final="true"]')
    await expect(canvas).toBeVisible()
    const argmax = (await canvas.getAttribute('data-argmax'))!.split(',')
    expect(argmax.length).toBe(text.length)

    await page.getByRole('button', { name: 'Stop' }).click()
    await expect(page.getByTestId('mic-status')).toHaveText('idle')
    await page.screenshot({ path: testInfo.outputPath('dictate-after.png'), fullPage: true })

    // The transcript survives a reload.
    await page.reload()
    await expect(page.getByLabel('Transcript')).toHaveValue(await transcript.inputValue())
  } finally {
    await browser.close()
  }
})

test('20 s of noise and silence yields no words', async ({ modelHost }) => {
  const browser = await launchWithFakeMicrophone(noiseAndSilence())
  try {
    const page = await browser.newPage()
    await page.goto(modelHost.url)
    await expect(page.getByRole('button', { name: 'Start dictation' })).toBeEnabled()
    await page.keyboard.press('Control+Shift+Space') // the keyboard shortcut starts dictation too
    await expect(page.getByTestId('mic-status')).toContainText('listening')
    const spectrogram = page.getByLabel('Live spectrogram')
    await expect.poll(async () => Number(await spectrogram.getAttribute('data-version')), { timeout: 40_000, intervals: [1000] }).toBeGreaterThan(2100)
    await page.getByRole('button', { name: 'Stop' }).click()
    await expect(page.getByTestId('mic-status')).toHaveText('idle')
    await expect(page.getByLabel('Transcript')).toHaveValue('')
  } finally {
    await browser.close()
  }
})
