import { readFile, readdir } from 'node:fs/promises'
import { splitSentences } from '../text/sentences'
import type { TextSource } from './source'

const DIR = '/usr/share/games/fortunes'
const SKIP = new Set(['art', 'ascii-art', 'translate-me', 'perl', 'linux', 'linuxcookie', 'debian', 'computers'])
const MAX_LINES = 3

/** Short fortunes (at most three lines, attribution lines dropped), split into sentences. */
export function shortFortunes(file: string): string[] {
  return file
    .split(/^%$/m)
    .map((entry) => entry.split('\n').filter((l) => l.trim() !== '' && !/^\s*--/.test(l)))
    .filter((lines) => lines.length > 0 && lines.length <= MAX_LINES)
    .flatMap((lines) => splitSentences(lines.join(' ')))
}

export const fortunes: TextSource = {
  name: 'fortunes',
  weight: 0.12,
  licence: 'BSD fortune(6) data files (Debian fortunes; BSD licence, quotations of diverse origin)',
  async read() {
    const names = (await readdir(DIR)).filter((n) => !n.includes('.') && !SKIP.has(n)).sort()
    const files = await Promise.all(names.map((n) => readFile(`${DIR}/${n}`, 'utf8')))
    return files.flatMap(shortFortunes)
  }
}
