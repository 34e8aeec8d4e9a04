import { NgramLm, type NgramEntry } from './ngram-lm'

/**
 * Parses ARPA text (\data\ header, \N-grams: sections, \end\).
 * @throws Error naming the line of the first malformed entry
 */
export function parseArpa(text: string): NgramLm {
  const lines = text.split(/\r?\n/)
  const counts: number[] = []
  const entries: Array<Map<string, NgramEntry>> = []
  let section = 0
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim()
    if (line === '' || line === '\\data\\' || line === '\\end\\') continue
    const count = /^ngram (\d+)=(\d+)$/.exec(line)
    if (count) {
      counts[Number(count[1]) - 1] = Number(count[2])
      continue
    }
    const header = /^\\(\d+)-grams:$/.exec(line)
    if (header) {
      section = Number(header[1])
      entries[section - 1] = new Map()
      continue
    }
    if (section === 0) throw new Error(`ARPA line ${i + 1}: entry outside an n-gram section`)
    const fields = line.split(/\s+/)
    const logProb = Number(fields[0])
    const words = fields.slice(1, 1 + section)
    const backoff = fields.length > section + 1 ? Number(fields[section + 1]) : 0
    if (words.length !== section || !Number.isFinite(logProb) || !Number.isFinite(backoff)) {
      throw new Error(`ARPA line ${i + 1}: expected "logprob ${section} word(s) [backoff]"`)
    }
    entries[section - 1]!.set(words.join(' '), { logProb, backoff })
  }
  if (entries.length === 0 || !entries[0]) throw new Error('ARPA: no 1-grams section')
  entries.forEach((map, n) => {
    if (!map) throw new Error(`ARPA: missing ${n + 1}-grams section`)
    if (counts[n] !== undefined && counts[n] !== map.size) throw new Error(`ARPA: header says ${counts[n]} ${n + 1}-grams, found ${map.size}`)
  })
  return new NgramLm(entries)
}

/** Writes a model as ARPA text (4 decimals, entries sorted for stable output). */
export function formatArpa(lm: NgramLm): string {
  const out = ['\\data\\', ...lm.entries.map((m, n) => `ngram ${n + 1}=${m.size}`), '']
  lm.entries.forEach((map, n) => {
    out.push(`\\${n + 1}-grams:`)
    const highest = n === lm.order - 1
    for (const [gram, e] of [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      out.push(highest || e.backoff === 0 ? `${e.logProb.toFixed(4)}\t${gram}` : `${e.logProb.toFixed(4)}\t${gram}\t${e.backoff.toFixed(4)}`)
    }
    out.push('')
  })
  out.push('\\end\\', '')
  return out.join('\n')
}
