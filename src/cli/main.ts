import { UsageError, type Command } from './command'
import { averageCommand } from './commands/average'
import { benchCommand } from './commands/bench'
import { evalCommand } from './commands/eval'
import { finetuneCommand } from './commands/finetune'
import { infoCommand } from './commands/info'
import { trainCommand } from './commands/train'
import { transcribeCommand } from './commands/transcribe'
import { webCommand } from './commands/web'

const commands: Command[] = [infoCommand, transcribeCommand, evalCommand, trainCommand, averageCommand, finetuneCommand, benchCommand, webCommand]

export function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)
  return ['usage: s2s <command> [options]', '', 'commands:', ...lines, '', 'Run `s2s <command> --help` for its options. Exit codes: 0 ok, 1 failure, 2 usage error.'].join('\n')
}

/** Runs the CLI and returns the process exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    console.log(usage())
    return verb === undefined ? 2 : 0
  }
  const command = commands.find((c) => c.name === verb)
  if (!command) {
    console.error(`s2s: unknown command "${verb}". Usage: s2s <${commands.map((c) => c.name).join('|')}> [options]`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`usage: ${command.synopsis}\n${command.summary}`)
    return 0
  }
  try {
    return await command.run(rest)
  } catch (err) {
    const usageProblem = err instanceof UsageError || (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    console.error(`s2s ${command.name}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`)
    return usageProblem ? 2 : 1
  }
}
