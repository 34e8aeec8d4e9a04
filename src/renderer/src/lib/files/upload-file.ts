import { UPLOAD_CHUNK_BYTES } from '../../../../shared/contract'
import type { EngineApi } from '../../../../shared/rpc-client'

/** A slice of a File as base64, read by the browser's own encoder (FileReader) rather than in script. */
function readBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1))
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'))
    reader.readAsDataURL(blob)
  })
}

/**
 * Hands a dropped or picked File to the engine: pages cannot pass paths, so the bytes travel in
 * UPLOAD_CHUNK_BYTES pieces (one at a time, so memory stays flat for any size) into an engine-side upload.
 * An aborted or failed upload is discarded.
 * @returns the upload id for asr.transcribeUpload
 * @throws the engine's one-line error (too large…), or the signal's reason when aborted
 */
export async function uploadFile(api: EngineApi, file: File, signal: AbortSignal, onProgress: (fraction: number) => void): Promise<string> {
  const { uploadId } = await api.call('upload.begin', { name: file.name || 'audio', size: file.size })
  try {
    for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
      signal.throwIfAborted()
      const data = await readBase64(file.slice(offset, offset + UPLOAD_CHUNK_BYTES))
      await api.call('upload.chunk', { uploadId, offset, data })
      onProgress(Math.min(1, (offset + UPLOAD_CHUNK_BYTES) / file.size))
    }
    signal.throwIfAborted()
    return uploadId
  } catch (err) {
    void api.call('upload.discard', { uploadId }).catch(() => undefined)
    throw err
  }
}
