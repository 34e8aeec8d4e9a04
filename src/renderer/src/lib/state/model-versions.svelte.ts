import type { ModelVersionList } from '../../../../shared/finetune'
import { api } from '../api'
import { downloadBlob } from '../files/download'
import { uploadFile } from '../files/upload-file'
import { engineStatus } from './engine-status.svelte'

/** The model versions (bundled + fine-tuned), which one is active, and the actions on them. */
class ModelVersions {
  list = $state.raw<ModelVersionList | null>(null)
  busy = $state(false)
  error = $state<string | null>(null)

  refresh(): Promise<void> {
    return this.#run(async () => {
      this.list = await api.call('versions.list', {})
    })
  }

  /** Switches the engine to `id` ("bundled" rolls back). */
  activate(id: string): Promise<void> {
    return this.#run(async () => {
      this.list = await api.call('versions.activate', { id })
      await engineStatus.refresh()
    })
  }

  export(id: string): Promise<void> {
    return this.#run(async () => {
      const { fileName, archive } = await api.call('versions.export', { id })
      downloadBlob(fileName, new Blob([Uint8Array.from(atob(archive), (c) => c.charCodeAt(0))], { type: 'application/zip' }))
    })
  }

  import(file: File): Promise<void> {
    return this.#run(async () => {
      const uploadId = await uploadFile(api, file, new AbortController().signal, () => undefined)
      await api.call('versions.import', { uploadId })
      this.list = await api.call('versions.list', {})
    })
  }

  async #run(work: () => Promise<void>): Promise<void> {
    this.busy = true
    this.error = null
    try {
      await work()
    } catch (err) {
      this.error = (err as Error).message
    } finally {
      this.busy = false
    }
  }
}

export const modelVersions = new ModelVersions()
