import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { runInferBench } from '../../bench/infer-bench'
import { runTrainBench } from '../../bench/train-bench'
import { AppError } from '../../shared/errors'
import { UsageError, type Command } from '../command'

/** Benchmarks not built yet, with the issue that brings each. */
const planned: Record<string, string> = { files: 'issue 7', live: 'issue 6', finetune: 'issue 8', soak: 'issue 9' }

export const benchCommand: Command = {
  name: 'bench',
  synopsis: 's2s bench train|infer [--model DIR]   (planned: files, live, finetune, soak)',
  summary: 'benchmarks, each against a baseline measured in the same run',
  async run(args) {
    const [which, ...rest] = args
    const { values } = parseArgs({ args: rest, options: { model: { type: 'string' } }, strict: true })
    if (which === 'train') {
      await runTrainBench({ log: (line) => console.log(line) }) // prints each line as it is measured
    } else if (which === 'infer') {
      for (const line of (await runInferBench({ modelDir: values.model && resolve(values.model) })).lines) console.log(line)
    } else if (which && planned[which]) {
      throw new AppError('not-found', `bench ${which} is not available yet (planned in ${planned[which]}).`)
    } else {
      throw new UsageError(`expected one of train, infer${which ? `, not "${which}"` : ''}`)
    }
    return 0
  }
}
