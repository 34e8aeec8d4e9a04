import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { isPocketSphinxAvailable, runPocketSphinx } from '../../src/peer/pocketsphinx'
import { charErrorRate, wordErrorRate } from '../../src/model/decoding/metrics'
import { readManifest } from './manifest'

/**
 * Scores PocketSphinx on manifests in the shared format:
 *   node bin/run-ts.mjs scripts/corpus/peer-baseline.ts MANIFEST... [--limit N] [--json]
 * Prints one `WER x% CER y% RTF z N n` line per manifest (RTF = pocketsphinx_batch wall time / audio duration, one core).
 */
const USAGE = 'usage: node bin/run-ts.mjs scripts/corpus/peer-baseline.ts MANIFEST... [--limit N] [--json]'

interface PeerScore {
  manifest: string
  wer: number
  cer: number
  rtf: number
  n: number
  audioSeconds: number
  decodeSeconds: number
}

async function scoreManifest(manifest: string, limit = Infinity): Promise<PeerScore> {
  const rows = (await readManifest(manifest)).slice(0, limit)
  const base = dirname(resolve(manifest))
  const { hyps, seconds } = await runPocketSphinx(rows.map((r, i) => ({ id: String(i), audio: resolve(base, r.path) })))
  const pairs = rows.map((r, i): [string, string] => [r.transcript, hyps.get(String(i)) ?? ''])
  const rates = { wer: wordErrorRate(pairs).rate, cer: charErrorRate(pairs).rate }
  const audioSeconds = rows.reduce((sum, r) => sum + r.durationSeconds, 0)
  return { manifest, wer: rates.wer, cer: rates.cer, rtf: seconds / Math.max(audioSeconds, 1e-9), n: rows.length, audioSeconds, decodeSeconds: seconds }
}

function formatScore(s: PeerScore): string {
  return `WER ${(100 * s.wer).toFixed(2)}% CER ${(100 * s.cer).toFixed(2)}% RTF ${s.rtf.toFixed(3)} N ${s.n}`
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], options: { limit: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true })
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  const limit = parsed.values.limit === undefined ? Infinity : Number(parsed.values.limit)
  if (parsed.positionals.length === 0 || !(limit > 0)) {
    console.error(USAGE)
    return 2
  }
  if (!(await isPocketSphinxAvailable())) {
    console.error('peer-baseline: pocketsphinx_batch or the en-us model is missing (apt-get install pocketsphinx pocketsphinx-en-us)')
    return 1
  }
  for (const manifest of parsed.positionals) {
    const score = await scoreManifest(manifest, limit)
    console.log(parsed.values.json ? JSON.stringify(score) : `${manifest}: ${formatScore(score)}`)
  }
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`peer-baseline: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
)
