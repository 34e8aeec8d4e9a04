import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { saveTinyModel } from '../src/node/testing/tiny-model-dir'
import { expect, startHost, stopHost, test } from './fixtures/browser-host'
import { launchWithFakeMicrophone, speak } from './fixtures/fake-microphone'

test('record 3 prompts, fine-tune with a live chart, get a new active version, roll back, and keep it all after a reload', async () => {
  test.setTimeout(180_000)
  const dir = mkdtempSync(join(tmpdir(), 's2s-train-e2e-'))
  await saveTinyModel(join(dir, 'model')) // a tiny untrained model: the test checks behaviour, not accuracy
  const host = await startHost({ S2S_USER_DATA: join(dir, 'user'), S2S_MODEL_DIR: join(dir, 'model') })
  const browser = await launchWithFakeMicrophone(speak('reading a prompt aloud for the fine tuning studio'))
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1500 } })
    const openTrain = async (): Promise<void> => {
      await page.goto(host.url)
      await page.getByRole('tab', { name: 'Train' }).click()
    }
    await openTrain()
    const total = page.getByTestId('recorded-total')
    await expect(total).toContainText('0 recordings')
    for (let n = 1; n <= 3; n++) {
      const prompt = await page.getByTestId('prompt-text').textContent()
      await page.getByRole('button', { name: 'Record', exact: true }).click()
      await page.waitForTimeout(1500)
      await page.getByRole('button', { name: 'Stop and save' }).click()
      await expect(total).toContainText(`${n} recordings`)
      await expect(page.getByTestId('prompt-text')).not.toHaveText(prompt!) // moved on to the next prompt
    }

    await page.getByLabel('Epochs at most').fill('3')
    await page.getByRole('button', { name: 'Start fine-tune' }).click()
    await expect(page.getByTestId('finetune-status')).toBeVisible()
    const chart = page.getByTestId('loss-chart')
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 60_000 }).toBeGreaterThan(1)
    await expect(page.getByTestId('finetune-result')).toContainText(/before, .* after/, { timeout: 120_000 })
    await page.screenshot({ path: test.info().outputPath('train-view.png') })

    const rows = page.getByTestId('version-list').locator('tbody tr')
    await expect(rows).toHaveCount(2)
    const fineTuned = rows.nth(1)
    await expect(fineTuned).toHaveAttribute('data-active', 'true')
    await expect(fineTuned).toHaveAttribute('data-version', /^ft-/)
    await page.getByRole('button', { name: 'Roll back to bundled' }).click()
    await expect(rows.nth(0)).toHaveAttribute('data-active', 'true')

    await openTrain() // a reload: everything comes back from the engine's user-data folder
    await expect(total).toContainText('3 recordings')
    await expect(rows).toHaveCount(2)
    await expect(rows.nth(0)).toHaveAttribute('data-active', 'true')
    await expect(rows.nth(1)).toHaveAttribute('data-active', 'false')
    await expect(page.getByRole('button', { name: 'Activate' })).toBeVisible()
  } finally {
    await browser.close()
    await stopHost(host)
  }
})
