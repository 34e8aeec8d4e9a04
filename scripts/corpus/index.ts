import { buildCorpus } from './build'
import { USAGE, UsageError, parseOptions } from './options'

/** `npm run corpus -- --out DIR ...`: exit 0 ok, 1 runtime failure, 2 usage error. */
async function main(argv: readonly string[]): Promise<number> {
  let options
  try {
    options = parseOptions(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    console.error(`corpus: ${error.message}\n${USAGE}`)
    return 2
  }
  if (options === 'help') {
    console.log(USAGE)
    return 0
  }
  const summaries = await buildCorpus(options, (line) => console.log(line))
  for (const s of summaries) console.log(`${s.manifest}: ${s.utterances} utterances, ${s.hours} h, ${s.speakers} speakers`)
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`corpus: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
)
