import { readFile } from 'node:fs/promises'
import { gunzipSync } from 'node:zlib'
import { splitSentences } from '../text/sentences'
import type { TextSource } from './source'

const FILE = '/usr/share/dictd/gcide.dict.dz'

/**
 * Illustrative quotations in GCIDE entries: blocks indented by twelve spaces, ending with an optional `--Author.`
 * attribution, e.g. `            The climate affected their health and spirits.\n     --Macaulay.`
 */
export function gcideQuotations(dictionary: string): string[] {
  const out: string[] = []
  let block: string[] = []
  const flush = (): void => {
    if (block.length > 0) out.push(block.join(' ').replace(/\s*--\S.*$/, ''))
    block = []
  }
  for (const line of dictionary.split('\n')) {
    if (/^ {12}\S/.test(line)) block.push(line.trim())
    else flush()
  }
  flush()
  return out.flatMap(splitSentences)
}

export const gcide: TextSource = {
  name: 'gcide',
  weight: 0.12,
  licence: 'GNU Collaborative International Dictionary of English quotations (Debian dict-gcide; GPL-2+)',
  async read() {
    return gcideQuotations(gunzipSync(await readFile(FILE)).toString('utf8'))
  }
}
