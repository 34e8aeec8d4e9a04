import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ModelVersionStore } from '../src/node/model-versions/version-store'
import { saveTinyModel } from '../src/node/testing/tiny-model-dir'
import { BUNDLED_VERSION } from '../src/shared/finetune'
import { expect, startHost, stopHost, test } from './fixtures/browser-host'

test('a model version whose weights fail their checksum is not used: the app runs the bundled model and says so in the status bar', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 's2s-fallback-e2e-'))
  await saveTinyModel(join(dir, 'model'))
  const store = new ModelVersionStore(join(dir, 'user', 'models'), join(dir, 'model'))
  const staged = await store.stage()
  await saveTinyModel(staged.dir)
  const { id } = await staged.commit({ label: 'my voice', base: BUNDLED_VERSION, werBefore: null, werAfter: null, trainUtterances: null })
  await store.activate(id)
  const weights = join(store.versionDir(id), 'model.bin')
  const bytes = readFileSync(weights)
  bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0xff, bytes.length >> 1) // one flipped byte: still a loadable model, only the checksum can tell
  writeFileSync(weights, bytes)

  const host = await startHost({ S2S_USER_DATA: join(dir, 'user'), S2S_MODEL_DIR: join(dir, 'model') })
  try {
    await page.goto(host.url)
    await expect(page.getByTestId('model-notice')).toHaveText(`Model version ${id} is damaged (model.bin does not match its checksum); using the bundled model.`)
    await expect(page.getByTestId('model')).not.toHaveText(/no model|error/)
  } finally {
    await stopHost(host)
  }
})
