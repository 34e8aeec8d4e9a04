import { test, expect } from './fixtures/browser-host'
import { launchWithFakeMicrophone, speak } from './fixtures/fake-microphone'

test('the microphone feeds live features: level meter and spectrogram move while speaking', async ({ host }, testInfo) => {
  const browser = await launchWithFakeMicrophone(speak('testing the live microphone input of the dictation view'))
  try {
    const page = await browser.newPage()
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Start dictation' }).click()
    await expect(page.getByTestId('mic-status')).toContainText('listening')
    const spectrogram = page.getByLabel('Live spectrogram')
    await expect.poll(async () => Number(await spectrogram.getAttribute('data-version')), { timeout: 15_000 }).toBeGreaterThan(100)
    await expect.poll(async () => Number(await page.getByRole('meter', { name: 'Input level' }).getAttribute('data-level')), { timeout: 15_000 }).toBeGreaterThan(0.3)
    await page.screenshot({ path: testInfo.outputPath('dictate-listening.png') })
    await page.getByRole('button', { name: 'Stop' }).click()
    await expect(page.getByTestId('mic-status')).toHaveText('idle')
  } finally {
    await browser.close()
  }
})
