import { parseArgs } from 'node:util'
import type { Command } from '../command'
import { withEngine } from '../engine-session'

export const infoCommand: Command = {
  name: 'info',
  synopsis: 's2s info [--json]',
  summary: 'print version, compute backend (and why others were not taken) and model state',
  async run(args) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true })
    const info = await withEngine((engine) => engine.call('engine.info', {}))
    if (values.json) {
      console.log(JSON.stringify(info, null, 2))
      return 0
    }
    console.log(`s2s ${info.appVersion}`)
    console.log(`backend: ${info.backend}`)
    for (const attempt of info.backendAttempts) console.log(`  ${attempt.ok ? 'taken' : 'skipped'} ${attempt.name}: ${attempt.reason}`)
    const model = info.model
    console.log(`model: ${model.state}${model.name ? ` ${model.name}${model.version ? ` v${model.version}` : ''}` : ''} (${model.detail})`)
    return 0
  }
}
