/**
 * The single Electron IPC channel between preload and main. It carries the same envelopes as every other
 * transport (see protocol.ts); main checks the sender and the engine validates each call.
 */
export const ENGINE_CHANNEL = 'engine:message'
