import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

// Unit tests are co-located `*.test.ts` files; they run under Node (no Electron, no browser).
export default defineConfig({
  resolve: {
    alias: {
      '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)),
      '@model': fileURLToPath(new URL('./src/model', import.meta.url))
    }
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2
  }
})
