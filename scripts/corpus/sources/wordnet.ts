import { readFile } from 'node:fs/promises'
import type { TextSource } from './source'

const DIR = '/usr/share/wordnet'
const FILES = ['data.noun', 'data.verb', 'data.adj', 'data.adv']

/** The quoted usage examples in WordNet glosses: `... | gloss; "example one"; "example two"`. */
export function wordnetExamples(dataFile: string): string[] {
  const out: string[] = []
  for (const line of dataFile.split('\n')) {
    if (line.startsWith('  ')) continue // licence header
    const gloss = line.slice(line.indexOf('|') + 1)
    for (const match of gloss.matchAll(/"([^"]+)"/g)) out.push((match[1] as string).trim())
  }
  return out
}

export const wordnet: TextSource = {
  name: 'wordnet',
  weight: 0.3,
  licence: 'WordNet 3.0 example sentences (Debian wordnet-base; WordNet 3.0 licence, Princeton University)',
  async read() {
    const files = await Promise.all(FILES.map((f) => readFile(`${DIR}/${f}`, 'utf8')))
    return files.flatMap(wordnetExamples)
  }
}
