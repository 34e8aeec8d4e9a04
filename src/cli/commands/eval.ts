import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { newJobId } from '../../shared/rpc-client'
import { UsageError, type Command } from '../command'
import { decoderFlagOptions, decoderSettingsFrom, DECODER_FLAGS_SYNOPSIS } from '../decoder-flags'
import { withEngine } from '../engine-session'
import { showProgress } from '../progress'

export const evalCommand: Command = {
  name: 'eval',
  synopsis: `s2s eval MANIFEST.tsv [--json] [--model DIR] [--limit N] ${DECODER_FLAGS_SYNOPSIS}`,
  summary: 'score a manifest (shared TSV format); last line: WER <x>% CER <y>% RTF <z> N <n> (with --json: stdout is the JSON, that line on stderr)',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, model: { type: 'string' }, limit: { type: 'string' }, ...decoderFlagOptions }, strict: true })
    if (positionals.length !== 1) throw new UsageError('expected exactly one MANIFEST.tsv')
    const limit = values.limit === undefined ? undefined : Number(values.limit)
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UsageError(`--limit must be a positive integer, got "${values.limit}"`)
    const decoding = decoderSettingsFrom(values)
    const result = await withEngine(async (engine) => {
      const jobId = newJobId('eval')
      const stop = showProgress(engine, jobId, 'eval')
      try {
        return await engine.call('asr.evaluate', { manifest: resolve(positionals[0]!), modelDir: values.model && resolve(values.model), limit, decoding }, jobId)
      } finally {
        stop()
      }
    })
    const summary = `WER ${result.wer.toFixed(2)}% CER ${result.cer.toFixed(2)}% RTF ${result.rtf.toFixed(4)} N ${result.n}`
    if (values.json) {
      console.log(JSON.stringify(result, null, 2)) // stdout stays one JSON document; the summary goes to stderr
      console.error(summary)
    } else {
      console.log(`model: ${result.model.name ?? 'unnamed'}${result.model.version ? ` v${result.model.version}` : ''} (${result.model.detail}); decoder: ${result.decoder}`)
      console.log(summary)
    }
    return 0
  }
}
