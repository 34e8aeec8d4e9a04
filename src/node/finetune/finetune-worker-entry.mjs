// Worker-thread bootstrap for development, tests and the CLI: registers the tsx loader in this thread, then loads
// the TypeScript worker (as gradient-worker-entry.mjs does for training).
import { register } from 'tsx/esm/api'
register()
await import('./finetune-worker-thread.ts')
