import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'

/** Layering rules (VS Code style): each folder may import only what runs where it runs. */
const noElectron = { name: 'electron', message: 'Only src/main and src/preload may import electron.' }
const nodeBuiltins = ['node:*', 'fs', 'path', 'child_process', 'worker_threads', 'os']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**', 'runs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } }
  },
  {
    files: ['src/model/**/*.ts', 'src/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: nodeBuiltins, message: 'src/model and src/shared run everywhere: no Node or Electron imports (inject I/O instead).' }] }]
    }
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: nodeBuiltins, message: 'The renderer has no Node access.' }, { group: ['**/main/**', '**/engine/**', '**/host/**', '**/cli/**'], message: 'The renderer talks to the engine through lib/api only.' }] }]
    }
  },
  {
    files: ['src/engine/**/*.ts', 'src/host/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] }
  }
)
