import { app, utilityProcess } from 'electron'
import type { SpawnEngine } from '../node/engine-supervisor'
import type { ServerMessage } from '../shared/protocol'
import { RpcClient } from '../shared/rpc-client'

/**
 * SpawnEngine for the desktop app: the engine (out/main/engine.js) in an Electron utilityProcess, with the app's
 * user-data folder (recordings, model versions) passed in S2S_USER_DATA.
 */
export function spawnUtilityEngine(entryPath: string, resourcesPath: string): SpawnEngine {
  return (onExit) => {
    const child = utilityProcess.fork(entryPath, [], {
      serviceName: 's2s engine',
      stdio: 'inherit',
      env: { ...process.env, S2S_RESOURCES: resourcesPath, S2S_USER_DATA: process.env.S2S_USER_DATA ?? app.getPath('userData') }
    })
    let exited = false
    const client = new RpcClient((message) => {
      if (exited) throw new Error('engine process has exited')
      child.postMessage(message)
    })
    child.on('message', (message) => client.receive(message as ServerMessage))
    child.once('exit', (code) => {
      exited = true
      client.failAll({ code: 'engine-unavailable', message: `The engine stopped (exit ${code}).` })
      onExit(`exit ${code}`)
    })
    return {
      client,
      get pid() {
        return child.pid
      },
      stop: () =>
        new Promise<void>((resolve) => {
          if (exited) return resolve()
          child.once('exit', () => resolve())
          child.kill()
        })
    }
  }
}
