import type { ImportReport } from '../../../../shared/finetune'
import { api } from '../api'
import { uploadFile } from '../files/upload-file'
import { recordings } from './recordings.svelte'

/** Files of a picked folder worth sending: audio, transcripts and manifests (by name, without the folder). */
const WANTED = /\.(wav|mp3|flac|ogg|oga|opus|m4a|aac|webm|txt|tsv)$/i

/**
 * Import of a folder of audio + .txt pairs (or a TSV manifest with its audio) into the recordings: the files are
 * uploaded, the engine checks them, imports the usable ones and reports each problem in one line.
 */
class DataImport {
  busy = $state(false)
  fraction = $state(0)
  report = $state.raw<ImportReport | null>(null)
  error = $state<string | null>(null)

  async run(files: readonly File[]): Promise<void> {
    const chosen = files.filter((f) => WANTED.test(f.name))
    if (this.busy || chosen.length === 0) return
    Object.assign(this, { busy: true, fraction: 0, report: null, error: null })
    const uploadIds: string[] = []
    try {
      for (const [i, file] of chosen.entries()) {
        const named = new File([file], manifestRelativeName(file), { type: file.type })
        uploadIds.push(await uploadFile(api, named, new AbortController().signal, (f) => (this.fraction = (i + f) / chosen.length)))
      }
      this.report = await api.call('recordings.import', { uploadIds })
      await recordings.refresh()
    } catch (err) {
      this.error = (err as Error).message
      for (const uploadId of uploadIds) void api.call('upload.discard', { uploadId }).catch(() => undefined)
    } finally {
      this.busy = false
    }
  }
}

/** The path inside the picked folder ("flac/a.flac" stays relative, as manifests name it); the folder itself is dropped. */
function manifestRelativeName(file: File): string {
  const relative = file.webkitRelativePath || file.name
  return relative.includes('/') ? relative.slice(relative.indexOf('/') + 1) : relative
}

export const dataImport = new DataImport()
