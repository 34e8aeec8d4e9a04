import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { fileURLToPath } from 'node:url'

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url))

/**
 * Three targets: main (the broker, the engine utilityProcess entry and the fine-tune worker thread the engine
 * starts), preload (one CJS file, since sandboxed preloads cannot load ES modules) and the renderer (the same
 * Svelte app the browser host serves).
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: src('main/index.ts'), engine: src('engine/entry-electron.ts'), 'finetune-worker': src('node/finetune/finetune-worker-thread.ts') }
      }
    }
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: src('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: src('renderer'),
    plugins: [svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) })],
    build: { rollupOptions: { input: { index: src('renderer/index.html') } } }
  }
})
