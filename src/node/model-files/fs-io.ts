import * as tf from '@tensorflow/tfjs'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { writeFileAtomic } from '../atomic-write'

/**
 * tf.io handler over a directory: `<name>.json` (weights manifest + the artifact's modelTopology/format) and
 * `<name>.bin` (one weight shard), the layout tf.io.http reads in a browser. Each file is written to a temp
 * name and renamed, so a reader never sees a half-written file.
 * @param name "model" for the model, "optimizer" for training state
 */
export function fileSystemHandler(dir: string, name = 'model'): tf.io.IOHandler {
  const jsonPath = join(dir, `${name}.json`)
  const binName = `${name}.bin`
  return {
    async save(art: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      mkdirSync(dir, { recursive: true })
      const weights = art.weightData ? tf.io.CompositeArrayBuffer.join(art.weightData) : new ArrayBuffer(0)
      const manifest = {
        format: art.format, generatedBy: art.generatedBy, modelTopology: art.modelTopology,
        weightsManifest: [{ paths: [binName], weights: art.weightSpecs ?? [] }]
      }
      await writeFileAtomic(join(dir, binName), new Uint8Array(weights))
      await writeFileAtomic(jsonPath, JSON.stringify(manifest))
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } }
    },
    async load(): Promise<tf.io.ModelArtifacts> {
      if (!existsSync(jsonPath)) throw new Error(`no ${basename(jsonPath)} in ${dir}`)
      const manifest = JSON.parse(readFileSync(jsonPath, 'utf8')) as { format?: string; generatedBy?: string; modelTopology?: object; weightsManifest: tf.io.WeightsManifestConfig }
      const specs = manifest.weightsManifest.flatMap((g) => g.weights)
      const buffers = manifest.weightsManifest.flatMap((g) => g.paths).map((p) => {
        const bytes = readFileSync(join(dir, p))
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
      })
      return { format: manifest.format, generatedBy: manifest.generatedBy, modelTopology: manifest.modelTopology, weightSpecs: specs, weightData: tf.io.CompositeArrayBuffer.join(buffers) }
    }
  }
}

/**
 * Replaces directory `dir` with the one `fill` writes, atomically from a reader's point of view: `fill`
 * writes into a sibling temp dir, which is then renamed over `dir` (the old one is moved aside and removed).
 */
export async function replaceDirectoryAtomically(dir: string, fill: (tmpDir: string) => Promise<void>): Promise<void> {
  const tmp = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}`)
  const old = join(dirname(dir), `.${basename(dir)}.old-${process.pid}`)
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  await fill(tmp)
  if (existsSync(dir)) renameSync(dir, old)
  renameSync(tmp, dir)
  rmSync(old, { recursive: true, force: true })
}
