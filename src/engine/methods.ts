import type { EngineMethod, ParamsOf, ResultOf } from '../shared/contract'
import type { JobContext } from './job-context'

/** One async function per contract method; the engine validates params before calling. */
export type MethodHandlers = {
  [M in EngineMethod]: (params: ParamsOf<M>, ctx: JobContext) => Promise<ResultOf<M>>
}
