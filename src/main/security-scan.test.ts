import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

/** The part of electronegativity's programmatic result this test reads. */
interface ScanResult {
  errors: Array<{ file: string; message: string }>
  issues: Array<{ id: string; file: string; location: { line: number }; description: string }>
}
type Scan = (options: Record<string, unknown>, forCli: false) => Promise<ScanResult>

const require = createRequire(import.meta.url)
const scan = require('@doyensec/electronegativity') as Scan
const root = fileURLToPath(new URL('../..', import.meta.url))
const review = JSON.parse(readFileSync(new URL('./security-scan-review.json', import.meta.url), 'utf8')) as { reviewed: Array<{ check: string; file: string; why: string }> }

/**
 * Issue 9, item 1: @doyensec/electronegativity over the shipped Electron sources (tests left out), with every
 * finding explained in security-scan-review.json. The release-feed check is skipped: it needs the network and
 * the Electron version is pinned by package-lock.json.
 */
const staging = mkdtempSync(join(tmpdir(), 's2s-scan-'))
afterAll(() => rmSync(staging, { recursive: true, force: true }))

describe('Electron security scan (electronegativity)', () => {
  it('reports nothing beyond the reviewed findings, and parses every file', async () => {
    const shipped = (path: string): boolean => !/\.(test|e2e)\.ts$/.test(path)
    for (const part of ['main', 'preload', 'renderer']) cpSync(join(root, 'src', part), join(staging, part), { recursive: true, filter: shipped })
    cpSync(join(root, 'package.json'), join(staging, 'package.json'))
    const result = await scan(
      {
        input: staging,
        isRelative: true,
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        electronVersionOverride: (require('electron/package.json') as { version: string }).version
      },
      false
    )
    expect(result.errors).toEqual([])
    const found = new Set(result.issues.map((issue) => `${issue.id} ${issue.file}`))
    const explained = new Set(review.reviewed.map((entry) => `${entry.check} ${entry.file}`))
    const unexplained = result.issues.filter((issue) => !explained.has(`${issue.id} ${issue.file}`))
    expect(unexplained.map((i) => `${i.id} ${i.file}:${i.location.line} ${i.description}`)).toEqual([])
    expect([...explained].filter((key) => !found.has(key)), 'reviewed entries that no longer match a finding').toEqual([])
  })
})
