/** A CLI verb. `run` returns the exit code; usage problems throw UsageError (exit 2), others exit 1. */
export interface Command {
  name: string
  synopsis: string
  summary: string
  run(args: string[]): Promise<number>
}

export class UsageError extends Error {
  override name = 'UsageError'
}
