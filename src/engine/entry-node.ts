/**
 * Engine entry for a Node child process (browser host and CLI fork it with an IPC channel).
 * Exits when the parent disconnects so no orphan keeps a core busy.
 */
import { serveEngine } from './serve'

if (!process.send) {
  process.stderr.write('entry-node must be started with an IPC channel (child_process.fork)\n')
  process.exit(2)
}
process.on('disconnect', () => process.exit(0))
// SIGTERM (how hosts stop the engine) exits through 'exit' handlers, which delete uploaded files.
process.once('SIGTERM', () => process.exit(0))
await serveEngine({
  onMessage: (listener) => process.on('message', listener),
  post: (message) => process.send?.(message)
})
