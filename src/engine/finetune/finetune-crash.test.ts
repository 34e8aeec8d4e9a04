import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { EngineProcess } from '../../node/engine-process'
import { saveTinyModel } from '../../node/testing/tiny-model-dir'
import { synthesize } from '../../node/tts'
import { RECORDINGS_MANIFEST } from '../../node/user-data/recording-store'
import { floatToS16le } from '../../peer/pcm'
import { BUNDLED_VERSION, type FinetunePhase } from '../../shared/finetune'
import { formatManifest } from '../../shared/manifest'
import { newJobId } from '../../shared/rpc-client'

let resources: string
let userData: string
const engines: EngineProcess[] = []

beforeAll(async () => {
  resources = mkdtempSync(join(tmpdir(), 's2s-resources-'))
  await saveTinyModel(join(resources, 'model'))
  userData = mkdtempSync(join(tmpdir(), 's2s-user-'))
})
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop()))
})

function startEngine(env: Record<string, string> = {}): EngineProcess {
  const engine = new EngineProcess({ env: { S2S_RESOURCES: resources, S2S_USER_DATA: userData, S2S_BACKEND: 'wasm', ...env }, onStderr: () => undefined })
  engines.push(engine)
  return engine
}

/** Starts a fine-tune and SIGKILLs the engine when it reports `phase`; resolves once the process is gone. */
async function killDuring(engine: EngineProcess, phase: FinetunePhase): Promise<void> {
  const jobId = newJobId('finetune')
  const exited = new Promise<void>((resolve) => {
    engine.client.onEvent((event) => {
      if (event.type === 'finetune' && event.jobId === jobId && event.progress.phase === phase) process.kill(engine.pid!, 'SIGKILL')
    })
    const poll = setInterval(() => !engine.running && (clearInterval(poll), resolve()), 20)
  })
  await expect(engine.client.call('finetune.start', { epochs: 40 }, jobId)).rejects.toMatchObject({ code: 'engine-unavailable' })
  await exited
}

/** The state a crash must never damage: the active version loads and every recording is listed with its audio. */
async function expectIntact(activeVersion: string, recordingIds: string[]): Promise<void> {
  const engine = startEngine()
  expect((await engine.client.call('versions.list', {})).active).toBe(activeVersion)
  const { recordings } = await engine.client.call('recordings.list', {})
  expect(recordings.map((r) => r.id)).toEqual(recordingIds)
  const dir = join(userData, 'recordings')
  expect(readFileSync(join(dir, RECORDINGS_MANIFEST), 'utf8').trim().split('\n')).toHaveLength(recordingIds.length)
  writeFileSync(join(dir, 'check.tsv'), formatManifest(recordings.map((r) => ({ path: `${r.id}.wav`, durationSeconds: r.seconds, speaker: 'me', transcript: r.text, original: r.text }))))
  const evaluation = await engine.client.call('asr.evaluate', { manifest: join(dir, 'check.tsv'), decoding: { decoder: 'greedy' } })
  expect(evaluation.n).toBe(recordingIds.length)
  expect(evaluation.model.version).toBe(activeVersion === BUNDLED_VERSION ? null : activeVersion)
  expect(readdirSync(join(userData, 'models')).filter((n) => n.startsWith('.'))).toEqual([])
}

describe('SIGKILL of the engine during a fine-tune (real child process)', () => {
  it('keeps the previous active model and every recording, mid-training and mid-save', async () => {
    const first = startEngine()
    const ids: string[] = []
    for (const { text, pcm } of await synthesize(['open the door', 'turn left now', 'call my mother'])) {
      ids.push((await first.client.call('recordings.save', { text, pcm: floatToS16le(pcm).toString('base64') })).id)
    }
    let pingMs: Promise<number> | null = null // the engine answers while it trains (training runs in a worker thread)
    first.client.onEvent((event) => {
      if (event.type !== 'finetune' || event.progress.phase !== 'training' || pingMs) return
      const sent = performance.now()
      pingMs = first.client.call('engine.ping', {}).then(() => performance.now() - sent)
    })
    const { version } = await first.client.call('finetune.start', { epochs: 2 })
    expect(await pingMs).toBeLessThan(2000)
    expect((await first.client.call('versions.list', {})).active).toBe(version.id)

    await killDuring(first, 'training')
    await expectIntact(version.id, ids)

    await killDuring(startEngine({ S2S_FAULT_SAVE_DELAY_MS: '60000' }), 'saving')
    expect(readdirSync(join(userData, 'models')).some((n) => n.startsWith('.staging-'))).toBe(true) // killed after the new weights were written, before they were committed
    await expectIntact(version.id, ids)
    expect(existsSync(join(userData, 'models', version.id, 'model.bin'))).toBe(true)
  })
})
