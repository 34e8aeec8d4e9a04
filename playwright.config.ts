import { defineConfig } from '@playwright/test'

/**
 * Two projects: `browser` drives Debian Chromium against the browser host (`s2s web`); `electron` launches the
 * built desktop app and skips itself with one clear line where the Electron binary is not available.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'browser',
      testMatch: '**/*.web.e2e.ts',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
            '--disable-quic'
          ]
        }
      }
    },
    { name: 'electron', testMatch: '**/*.electron.e2e.ts' }
  ]
})
