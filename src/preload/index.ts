import { contextBridge, ipcRenderer } from 'electron'
import { ENGINE_CHANNEL } from '../shared/ipc'
import type { ServerMessage } from '../shared/protocol'
import { RpcClient, type EngineApi } from '../shared/rpc-client'
import { DICTATION_HOTKEY, INSERT_TEXT_CHANNEL, SHELL_COMMAND_CHANNEL, type ShellApi, type ShellCommand } from '../shared/shell'

/**
 * Exposes the engine API as `window.api` (three verbs) and the desktop services as `window.shell`, never
 * ipcRenderer itself. Runs sandboxed, so it is built
 * as one CommonJS file that requires only `electron`.
 */
const client = new RpcClient((message) => ipcRenderer.send(ENGINE_CHANNEL, message))
ipcRenderer.on(ENGINE_CHANNEL, (_event, message: ServerMessage) => client.receive(message))

const api: EngineApi = {
  call: (method, params, jobId) => client.call(method, params, jobId),
  cancel: (jobId) => client.cancel(jobId),
  onEvent: (listener) => client.onEvent(listener)
}

const shell: ShellApi = {
  hotkey: DICTATION_HOTKEY,
  onCommand(listener) {
    const relay = (_event: unknown, command: ShellCommand): void => listener(command)
    ipcRenderer.on(SHELL_COMMAND_CHANNEL, relay)
    return () => ipcRenderer.off(SHELL_COMMAND_CHANNEL, relay)
  },
  insertText: (text) => ipcRenderer.invoke(INSERT_TEXT_CHANNEL, text)
}

contextBridge.exposeInMainWorld('api', api)
contextBridge.exposeInMainWorld('shell', shell)
