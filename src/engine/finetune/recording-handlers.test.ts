import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { GOOD_PAIRS, writeImportFolder } from '../../node/testing/import-folder'
import { RecordingStore } from '../../node/user-data/recording-store'
import { createJobContext } from '../job-context'
import { UploadStore } from '../uploads/upload-store'
import { recordingHandlers } from './recording-handlers'

const ctx = () => createJobContext('job-1', new AbortController().signal, () => undefined)

describe('recording handlers', () => {
  let folder: string
  let problems: RegExp[]
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 's2s-import-'))
    problems = writeImportFolder(folder)
  })

  it('imports uploaded pairs, reports each broken one in one line and deletes the uploads', async () => {
    const uploads = new UploadStore()
    const store = new RecordingStore(mkdtempSync(join(tmpdir(), 's2s-rec-')))
    const handlers = recordingHandlers(store, uploads)
    const uploadIds: string[] = []
    for (const name of readdirSync(folder)) {
      const bytes = readFileSync(join(folder, name))
      const id = await uploads.begin(name, bytes.length)
      await uploads.append(id, 0, bytes)
      uploadIds.push(id)
    }
    const report = await handlers['recordings.import']({ uploadIds }, ctx())
    expect(report.imported).toBe(GOOD_PAIRS.length)
    report.problems.forEach((line, i) => expect(line).toMatch(problems[i]!))
    const { recordings } = await handlers['recordings.list']({}, ctx())
    expect(recordings.map((r) => [r.text, r.source])).toEqual(GOOD_PAIRS.map(([, text]) => [text, 'import']))
    await expect(uploads.discard(uploadIds[0]!)).resolves.toBe(false)
    uploads.dispose()
  })

  it('refuses a studio take that is too short to be speech', async () => {
    const handlers = recordingHandlers(new RecordingStore(mkdtempSync(join(tmpdir(), 's2s-rec-'))), new UploadStore())
    const pcm = Buffer.alloc(2 * 1600).toString('base64') // 0.1 s
    await expect(handlers['recordings.save']({ text: 'hello', pcm }, ctx())).rejects.toThrow(/must last 0.3-30 s; this one lasts 0.1 s/)
  })
})
