// Worker-thread bootstrap for development and tests: registers the tsx loader in this thread, then loads the
// TypeScript worker. A bundled build points WorkerShardRunner at its compiled gradient-worker-thread.js instead.
import { register } from 'tsx/esm/api'
register()
await import('./gradient-worker-thread.ts')
