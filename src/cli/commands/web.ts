import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startBrowserHost } from '../../host/server'
import { EngineSupervisor } from '../../node/engine-supervisor'
import { spawnChildEngine } from '../../node/engine-process'
import { AppError } from '../../shared/errors'
import { UsageError, type Command } from '../command'

const webDir = fileURLToPath(new URL('../../../out/web', import.meta.url))
/**
 * The page keeps its settings and the dictation transcript in the browser's storage, which is per origin, so the
 * host uses the same port every run (outside Linux's ephemeral range) unless told otherwise.
 */
export const DEFAULT_WEB_PORT = 27_180

export const webCommand: Command = {
  name: 'web',
  synopsis: `s2s web [--port N]   (default ${DEFAULT_WEB_PORT}; 0 picks a free port)`,
  summary: 'serve the app on 127.0.0.1 for a browser (prints the URL with its access token)',
  async run(args) {
    const { values } = parseArgs({ args, options: { port: { type: 'string' } }, strict: true })
    const port = values.port === undefined ? DEFAULT_WEB_PORT : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got "${values.port}"`)
    if (!existsSync(join(webDir, 'index.html'))) throw new AppError('not-found', 'The web renderer is not built: run `npm run build:web` (or `npm run web`).')
    const engine = new EngineSupervisor(spawnChildEngine())
    engine.onEvent((event) => {
      if (event.type === 'engine-state') console.error(`[host] engine ${event.state}: ${event.detail}`)
    })
    const host = await startBrowserHost({ engine, staticDir: webDir, port }).catch((err: NodeJS.ErrnoException) => {
      if (values.port !== undefined || err.code !== 'EADDRINUSE') throw err
      console.error(`[host] port ${DEFAULT_WEB_PORT} is taken; using another one (what the page saved under port ${DEFAULT_WEB_PORT} is not visible there)`)
      return startBrowserHost({ engine, staticDir: webDir, port: 0 })
    })
    console.log(`s2s is running at ${host.url}`)
    console.log('Open that URL in a browser (it carries this run\'s access token). Ctrl+C stops.')
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    await host.close()
    await engine.stop()
    return 0
  }
}
