/**
 * Engine entry for an Electron utilityProcess. The engine folder does not import electron; the parent port is
 * described by the minimal shape it needs.
 */
import { serveEngine } from './serve'

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
if (!parentPort) {
  process.stderr.write('entry-electron must run inside an Electron utilityProcess\n')
  process.exit(2)
}
// SIGTERM (how hosts stop the engine) exits through 'exit' handlers, which delete uploaded files.
process.once('SIGTERM', () => process.exit(0))
await serveEngine({
  onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
  post: (message) => parentPort.postMessage(message)
})
