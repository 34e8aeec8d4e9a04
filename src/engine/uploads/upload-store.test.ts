import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { UploadStore, type UploadLimits } from './upload-store'

const stores: UploadStore[] = []
function store(limits: Partial<UploadLimits> = {}): UploadStore {
  const created = new UploadStore({ maxBytes: 1000, maxTotalBytes: 1500, idleMs: 60_000, ...limits })
  stores.push(created)
  return created
}
afterEach(() => stores.splice(0).forEach((s) => s.dispose()))

const bytes = (n: number, seed = 1): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256)

describe('upload store', () => {
  it('assembles chunks into one private file that exists only while it is used', async () => {
    const uploads = store()
    const id = await uploads.begin('talk.mp3', 10)
    expect(await uploads.append(id, 0, bytes(6))).toBe(6)
    expect(await uploads.append(id, 6, bytes(4, 7))).toBe(10)
    let seen = ''
    const result = await uploads.consume(id, async ({ path, name }) => {
      seen = path
      expect(name).toBe('talk.mp3')
      expect([...readFileSync(path)]).toEqual([...bytes(6), ...bytes(4, 7)])
      return 'ok'
    })
    expect(result).toBe('ok')
    expect(existsSync(seen)).toBe(false)
    await expect(uploads.consume(id, async () => 0)).rejects.toThrow('No such upload')
  })

  it('deletes the file even when the job using it fails', async () => {
    const uploads = store()
    const id = await uploads.begin('x.wav', 1)
    await uploads.append(id, 0, bytes(1))
    let seen = ''
    await expect(uploads.consume(id, async ({ path }) => { seen = path; throw new Error('boom') })).rejects.toThrow('boom')
    expect(existsSync(seen)).toBe(false)
  })

  it('refuses chunks out of order, beyond the announced size, and incomplete uploads', async () => {
    const uploads = store()
    const id = await uploads.begin('a.wav', 8)
    await expect(uploads.append(id, 4, bytes(4))).rejects.toThrow('expected offset 0, got 4')
    await expect(uploads.append(id, 0, bytes(9))).rejects.toThrow('more bytes than the 8 announced')
    await uploads.append(id, 0, bytes(4))
    await expect(uploads.consume(id, async () => 0)).rejects.toThrow('incomplete (4 of 8 bytes)')
  })

  it('caps one file and the sum of open uploads with a one-line reason', async () => {
    const uploads = store()
    await expect(uploads.begin('huge.wav', 1001)).rejects.toThrow(/^huge\.wav: too large \(.+; files up to .+ can be transcribed\)\.$/)
    await uploads.begin('a.wav', 1000)
    await expect(uploads.begin('b.wav', 600)).rejects.toThrow('too many uploads in progress')
  })

  it('deletes discarded and idle uploads', async () => {
    const uploads = store({ idleMs: 30 })
    const kept = await uploads.begin('a.wav', 4)
    expect(await uploads.discard(kept)).toBe(true)
    expect(await uploads.discard(kept)).toBe(false)
    const idle = await uploads.begin('b.wav', 4)
    await new Promise((resolve) => setTimeout(resolve, 100))
    await expect(uploads.append(idle, 0, bytes(4))).rejects.toThrow('No such upload')
  })

  it('removes its folder on dispose and sweeps folders of engines that died', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid
    const orphan = join(tmpdir(), `s2s-uploads-${dead}-abc123`)
    mkdirSync(orphan, { recursive: true })
    writeFileSync(join(orphan, 'left-over'), 'x')
    const uploads = store()
    expect(existsSync(orphan)).toBe(false)
    const id = await uploads.begin('a.wav', 1)
    await uploads.append(id, 0, bytes(1))
    const path = await uploads.consume(id, async ({ path }) => path)
    await uploads.begin('b.wav', 1)
    uploads.dispose()
    expect(existsSync(dirname(path))).toBe(false)
  })
})
