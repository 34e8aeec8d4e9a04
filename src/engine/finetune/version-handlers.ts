import { readFile } from 'node:fs/promises'
import type { MethodHandlers } from '../methods'
import type { ModelService } from '../models/model-service'
import type { UploadStore } from '../uploads/upload-store'

type VersionMethods = 'versions.list' | 'versions.activate' | 'versions.export' | 'versions.import'

/** The versions.* methods: list, switch (the engine reloads), export as one archive, import an uploaded one. */
export function versionHandlers(models: ModelService, uploads: UploadStore): Pick<MethodHandlers, VersionMethods> {
  return {
    'versions.list': () => models.versions.list(),
    'versions.activate': async ({ id }) => {
      await models.activate(id)
      return models.versions.list()
    },
    'versions.export': async ({ id }) => ({ fileName: `s2s-model-${id}.zip`, archive: Buffer.from(await models.versions.exportArchive(id)).toString('base64') }),
    'versions.import': ({ uploadId }) => uploads.consume(uploadId, async ({ path }) => models.versions.importArchive(new Uint8Array(await readFile(path))))
  }
}
