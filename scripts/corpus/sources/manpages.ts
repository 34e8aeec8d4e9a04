import { execFile } from '../util/exec'
import { runPool } from '../util/pool'
import { splitSentences } from '../text/sentences'
import type { TextSource } from './source'

/** Common pages; those not installed on a machine are skipped (the corpus then differs, as corpus.json records). */
const PAGES = ['ls', 'cp', 'mv', 'rm', 'mkdir', 'tar', 'grep', 'find', 'sort', 'bash', 'cat', 'less', 'ssh', 'gzip',
  'chmod', 'man', 'sed', 'date', 'ps', 'kill', 'top', 'git', 'sox', 'diff', 'make', 'wget', 'curl']

/** Prose paragraphs of a page rendered one paragraph a line: body text is indented by exactly seven spaces. */
export function manProse(page: string): string[] {
  return page
    .split('\n')
    .filter((line) => /^ {7}[A-Z][a-z]/.test(line))
    .flatMap((line) => splitSentences(line.trim()))
}

async function renderPage(name: string): Promise<string> {
  const env = { ...process.env, MANWIDTH: '10000', LANG: 'C.UTF-8', MAN_KEEP_FORMATTING: '' }
  return (await execFile('man', ['-P', 'cat', name], { env }).catch(() => Buffer.alloc(0))).toString('utf8')
}

export const manpages: TextSource = {
  name: 'manpages',
  weight: 0.04,
  licence: 'Plain sentences of installed man pages (coreutils, bash, git, ...; GPL and other free licences)',
  async read() {
    const pages: string[] = new Array(PAGES.length)
    await runPool(PAGES, 2, async (name, i) => {
      pages[i] = await renderPage(name)
    })
    return pages.flatMap(manProse)
  }
}
