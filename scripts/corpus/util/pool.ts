/** Runs `work` over `items` with at most `jobs` in flight, in order of start; the first failure stops new starts. */
export async function runPool<T>(items: readonly T[], jobs: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let nextIndex = 0
  let failure: unknown
  const lane = async (): Promise<void> => {
    while (failure === undefined && nextIndex < items.length) {
      const index = nextIndex++
      try {
        await work(items[index] as T, index)
      } catch (error) {
        failure ??= error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, lane))
  if (failure !== undefined) throw failure
}
