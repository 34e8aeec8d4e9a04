import { test, expect } from './fixtures/browser-host'

test('the app opens from the printed URL and shows the engine backend and model state', async ({ page, host }, testInfo) => {
  const consoleErrors: string[] = []
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()))
  await page.goto(host.url)
  await expect(page.getByTestId('engine-state')).toHaveText('engine: ready')
  await expect(page.getByTestId('backend')).toHaveText('backend: wasm')
  await expect(page.getByTestId('model')).toHaveText(/^model: (no model|.+)$/)
  await expect(page).not.toHaveURL(/token=/) // the token leaves the address bar
  await page.screenshot({ path: testInfo.outputPath('app-shell.png') })
  expect(consoleErrors).toEqual([])
})

test('views are reachable by keyboard', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('tab', { name: 'Dictate' }).focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('tab', { name: 'Files' })).toBeFocused()
  await expect(page.getByRole('heading', { name: 'Files' })).toBeVisible()
  await page.keyboard.press('Alt+4')
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
})

test('the theme switch applies and survives a reload', async ({ page, host }) => {
  await page.goto(host.url)
  await page.keyboard.press('Alt+4')
  const background = (): Promise<string> => page.evaluate('getComputedStyle(document.body).backgroundColor')
  await page.getByLabel('light').check()
  expect(await background()).toBe('rgb(255, 255, 255)')
  await page.getByLabel('dark').check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await background()).toBe('rgb(22, 24, 29)')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByTestId('engine-state')).toHaveText('engine: ready') // token kept for the reload
})

test('a long engine job shows progress and can be cancelled from the UI', async ({ page, host }) => {
  await page.goto(host.url)
  await page.keyboard.press('Alt+4')
  await page.getByRole('button', { name: 'Measure backend speed' }).click()
  await expect(page.getByRole('progressbar', { name: 'Speed test' })).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('speed-result')).toHaveText('Speed test cancelled.')
})

test('a page opened without the token says how to get in instead of failing silently', async ({ page, host }) => {
  await page.goto(host.origin + '/')
  await expect(page.getByTestId('engine-state')).toHaveText('engine: down')
  await expect(page.getByRole('alert')).toContainText('open the URL that `npm run web` printed')
})
