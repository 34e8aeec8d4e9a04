import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const bin = fileURLToPath(new URL('../../bin/s2s.mjs', import.meta.url))

/** Runs the real `s2s` entry point as a user would. */
function s2s(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, S2S_BACKEND: 'cpu' }, timeout: 60_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('s2s command line', () => {
  it('info prints version, backend and model state and exits 0', () => {
    const { status, stdout } = s2s('info')
    expect(status).toBe(0)
    expect(stdout).toMatch(/^s2s \d+\.\d+\.\d+$/m)
    expect(stdout).toMatch(/^backend: cpu$/m)
    expect(stdout).toMatch(/^model: (none|ready|error)/m)
  })

  it('an unknown verb exits 2 with a usage line', () => {
    const { status, stderr } = s2s('bogus')
    expect(status).toBe(2)
    expect(stderr).toMatch(/unknown command "bogus"\. Usage: s2s </)
  })

  it('an unknown option exits 2 with a one-line reason', () => {
    const { status, stderr } = s2s('info', '--frobnicate')
    expect(status).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })

  it('--help lists every verb of the contract, marking those not built yet', () => {
    const { status, stdout } = s2s('--help')
    expect(status).toBe(0)
    for (const verb of ['info', 'web', 'transcribe', 'eval', 'train', 'finetune', 'bench']) expect(stdout).toMatch(new RegExp(`^  ${verb} `, 'm'))
  })
})
