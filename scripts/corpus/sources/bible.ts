import { execFile } from '../util/exec'
import { splitSentences } from '../text/sentences'
import type { TextSource } from './source'

/** Verses from `bible -l0` output (one verse a line, indented, led by its number), split at clause ends. */
export function bibleSentences(output: string): string[] {
  return output
    .split('\n')
    .map((line) => /^\s+\d+\s+(.*)$/.exec(line)?.[1])
    .filter((verse): verse is string => verse !== undefined)
    .flatMap(splitSentences)
}

export const bible: TextSource = {
  name: 'bible',
  weight: 0.12,
  licence: 'King James Version (Debian bible-kjv-text + bible-kjv; text in the public domain)',
  async read() {
    const out = await execFile('bible', ['-l0', 'gen1:1-rev22:21'])
    return bibleSentences(out.toString('utf8'))
  }
}
