import { join } from 'node:path'
import { SYNTH_MANIFESTS } from './build'
import { buildLongDevSet, LONG_DEV_MANIFEST } from './long-dev-set'
import { readManifest, writeManifest } from './manifest'

/**
 * `node bin/run-ts.mjs scripts/corpus/long-dev.ts CORPUS_DIR`: adds the long-input dev set to a corpus built before
 * `npm run corpus` wrote it (new builds include it).
 */
const corpus = process.argv[2]
if (!corpus) {
  console.error('usage: node bin/run-ts.mjs scripts/corpus/long-dev.ts CORPUS_DIR')
  process.exit(2)
}
const rows = await buildLongDevSet(corpus, await readManifest(join(corpus, SYNTH_MANIFESTS.dev_synth)))
await writeManifest(join(corpus, LONG_DEV_MANIFEST), rows)
console.log(`${LONG_DEV_MANIFEST}: ${rows.length} utterances, ${(rows.reduce((s, r) => s + r.durationSeconds, 0) / 3600).toFixed(3)} h`)
