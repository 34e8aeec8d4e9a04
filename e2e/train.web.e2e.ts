import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_FINETUNE_OPTIONS } from '../src/node/finetune/finetune-config'
import { countOf } from '../src/shared/count-of'
import { GOOD_PAIRS, writeImportFolder } from '../src/node/testing/import-folder'
import { saveTinyModel } from '../src/node/testing/tiny-model-dir'
import { expect, startHost, stopHost, test } from './fixtures/browser-host'
import { launchWithFakeMicrophone, speak } from './fixtures/fake-microphone'

/**
 * A browser host in a fresh folder `dir` with a tiny untrained model (the tests check behaviour, not accuracy) and no
 * bundled LM beside it: fused into an untrained model's search the LM writes a varying number of words, so whether
 * the fine-tune beats the base (and becomes active) would be chance.
 */
async function startTinyModelHost(dir: string) {
  await saveTinyModel(join(dir, 'model'))
  return startHost({ S2S_USER_DATA: join(dir, 'user'), S2S_MODEL_DIR: join(dir, 'model'), S2S_RESOURCES: join(dir, 'no-resources') })
}

test('record 3 prompts, fine-tune with a live chart, get a new active version, roll back, and keep it all after a reload', async () => {
  test.setTimeout(180_000)
  const dir = mkdtempSync(join(tmpdir(), 's2s-train-e2e-'))
  const host = await startTinyModelHost(dir)
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
    await expect(page.getByRole('button', { name: 'Start fine-tune' })).toBeDisabled()
    await expect(page.getByRole('button', { name: 'Start fine-tune' })).toHaveAccessibleDescription(/at least 2 recordings/)
    for (let n = 1; n <= 3; n++) {
      const prompt = await page.getByTestId('prompt-text').textContent()
      await page.getByRole('button', { name: 'Record', exact: true }).click()
      await page.waitForTimeout(1500)
      await page.getByRole('button', { name: 'Stop and save' }).click()
      await expect(total).toContainText(countOf(n, 'recording'))
      await expect(page.getByTestId('prompt-text')).not.toHaveText(prompt!) // moved on to the next prompt
    }

    await expect(page.getByRole('button', { name: 'Start fine-tune' })).toBeEnabled()
    await expect(page.getByLabel('Epochs at most')).toHaveValue(String(DEFAULT_FINETUNE_OPTIONS.epochs)) // the benchmarked default
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

test('import a folder with broken pairs: one line per problem, fine-tune on the rest, export and re-import the version', async ({ browser }) => {
  test.setTimeout(180_000)
  const dir = mkdtempSync(join(tmpdir(), 's2s-train-import-e2e-'))
  const folder = join(dir, 'my recordings')
  mkdirSync(folder)
  const problems = writeImportFolder(folder)
  const host = await startTinyModelHost(dir)
  try {
    const page = await browser.newPage()
    await page.goto(host.url)
    await page.getByRole('tab', { name: 'Train' }).click()
    await page.getByTestId('import-input').setInputFiles(folder)
    const report = page.getByTestId('import-report')
    await expect(report).toContainText(`Imported ${GOOD_PAIRS.length} recordings`)
    const lines = await report.getByRole('listitem').allTextContents()
    expect(lines).toHaveLength(problems.length)
    lines.forEach((line, i) => expect(line).toMatch(problems[i]!))
    await expect(page.getByTestId('recorded-total')).toContainText(`${GOOD_PAIRS.length} recordings`)

    await page.getByLabel('Epochs at most').fill('1')
    await page.getByRole('button', { name: 'Start fine-tune' }).click()
    await expect(page.getByTestId('finetune-result')).toContainText('on 1 held-out recording:', { timeout: 120_000 })
    const rows = page.getByTestId('version-list').locator('tbody tr')
    await expect(rows.nth(1)).toContainText('Fine-tuned on 3 utterances')

    const download = page.waitForEvent('download')
    await rows.nth(1).getByRole('button', { name: /^Export/ }).click()
    const archive = join(dir, (await download).suggestedFilename())
    await (await download).saveAs(archive)
    await page.locator('input[type=file][accept*=zip]').setInputFiles(archive)
    await expect(rows).toHaveCount(3)
    await expect(rows.nth(2)).toContainText('(imported)')
  } finally {
    await stopHost(host)
  }
})
