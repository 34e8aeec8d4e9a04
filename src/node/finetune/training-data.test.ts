import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatManifest } from '../../shared/manifest'
import { GOOD_PAIRS, writeImportFolder } from '../testing/import-folder'
import { collectUtterances, folderSource, reportOf, uploadSource } from './training-data'

describe('collectUtterances', () => {
  let dir: string
  let expected: RegExp[]
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 's2s-import-'))
    expected = writeImportFolder(dir)
  })

  it('takes the good pairs of a folder and reports each broken one in one line', async () => {
    const data = await collectUtterances(await folderSource(dir))
    expect(data.utterances.map((u) => [u.name, u.text])).toEqual(GOOD_PAIRS)
    expect(data.problems).toHaveLength(expected.length)
    data.problems.forEach((line, i) => expect(line).toMatch(expected[i]!))
    expect(reportOf(data)).toMatchObject({ imported: GOOD_PAIRS.length, problems: data.problems })
  })

  it('reads a TSV manifest from uploaded files, naming the line of each bad row', async () => {
    const rows = [
      { path: 'good1.wav', durationSeconds: 1, speaker: 'me', transcript: 'open the door', original: '' },
      { path: 'gone.wav', durationSeconds: 1, speaker: 'me', transcript: 'missing audio', original: '' }
    ]
    const tsv = `${formatManifest(rows)}bad line without columns\n`
    const source = uploadSource([{ name: 'list.tsv', data: new TextEncoder().encode(tsv) }, { name: 'good1.wav', data: readFileSync(join(dir, 'good1.wav')) }])
    const data = await collectUtterances(source, 'list.tsv')
    expect(data.utterances.map((u) => u.text)).toEqual(['open the door'])
    expect(data.problems).toEqual(['list.tsv line 3: gone.wav: no such file', 'list.tsv line 4: expected at least 4 tab-separated columns, found 1'])
  })
})
