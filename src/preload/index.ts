import { contextBridge, ipcRenderer } from 'electron'
import { ENGINE_CHANNEL } from '../shared/ipc'
import type { ServerMessage } from '../shared/protocol'
import { RpcClient, type EngineApi } from '../shared/rpc-client'

/**
 * Exposes the engine API as `window.api`: three verbs, never ipcRenderer itself. Runs sandboxed, so it is built
 * as one CommonJS file that requires only `electron`.
 */
const client = new RpcClient((message) => ipcRenderer.send(ENGINE_CHANNEL, message))
ipcRenderer.on(ENGINE_CHANNEL, (_event, message: ServerMessage) => client.receive(message))

const api: EngineApi = {
  call: (method, params, jobId) => client.call(method, params, jobId),
  cancel: (jobId) => client.cancel(jobId),
  onEvent: (listener) => client.onEvent(listener)
}

contextBridge.exposeInMainWorld('api', api)
