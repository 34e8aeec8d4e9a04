import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { writeFileAtomic } from '../../src/node/atomic-write'
import { buildLm } from './build-lm'

const USAGE = `usage: npm run lm -- [--out FILE] [--seed N] [--sentences N] [--order N] [--max-mb M]
  --out FILE        ARPA file to write (default resources/lm/en-3gram.arpa)
  --seed N          text pool seed, as for npm run corpus (default 1)
  --sentences N     training-side sentences to draw (default 200000)
  --order N         n-gram order (default 3)
  --max-mb M        prune until the file is at most M MiB (default 4)`

/** `npm run lm`: exit 0 ok, 1 runtime failure, 2 usage error. */
async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv], strict: true,
    options: { out: { type: 'string' }, seed: { type: 'string' }, sentences: { type: 'string' }, order: { type: 'string' }, 'max-mb': { type: 'string' }, help: { type: 'boolean', short: 'h' } }
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const num = (v: string | undefined, fallback: number): number => (v === undefined ? fallback : Number(v))
  const opts = { seed: num(values.seed, 1), sentences: num(values.sentences, 200_000), order: num(values.order, 3), maxBytes: num(values['max-mb'], 4) * 2 ** 20 }
  if (![opts.seed, opts.sentences, opts.order].every(Number.isInteger) || opts.order < 1 || !(opts.maxBytes > 0)) {
    console.error(`lm: bad option\n${USAGE}`)
    return 2
  }
  const out = values.out ?? 'resources/lm/en-3gram.arpa'
  const { arpa } = await buildLm(opts, (line) => console.log(line))
  await mkdir(dirname(out), { recursive: true })
  await writeFileAtomic(out, arpa)
  console.log(`lm: wrote ${out}`)
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`lm: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(error instanceof TypeError && /parseArgs|option/i.test(String(error)) ? 2 : 1)
  }
)
