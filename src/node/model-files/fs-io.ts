import * as tf from '@tensorflow/tfjs'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
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
      const manifest = parseArtifactJson(readBounded(jsonPath, MAX_JSON_BYTES).toString('utf8'), basename(jsonPath))
      const specs = manifest.weightsManifest.flatMap((g) => g.weights)
      const buffers = manifest.weightsManifest.flatMap((g) => g.paths).map((p) => {
        const bytes = readBounded(join(dir, p), MAX_WEIGHT_BYTES)
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
      })
      return { format: manifest.format, generatedBy: manifest.generatedBy, modelTopology: manifest.modelTopology, weightSpecs: specs, weightData: tf.io.CompositeArrayBuffer.join(buffers) }
    }
  }
}

/** Largest `<name>.json` and weight file read: far above the 25 MB model budget, far below what would exhaust memory. */
const MAX_JSON_BYTES = 16 * 1024 * 1024
const MAX_WEIGHT_BYTES = 512 * 1024 * 1024

interface ArtifactJson {
  format?: string
  generatedBy?: string
  modelTopology?: object
  weightsManifest: tf.io.WeightsManifestConfig
}

/** Reads a regular file of at most `maxBytes`; a directory, device or oversized file is refused in one line. */
function readBounded(path: string, maxBytes: number): Buffer {
  const info = statSync(path, { throwIfNoEntry: false })
  if (!info?.isFile()) throw new Error(`${basename(path)} is ${info ? 'not a regular file' : 'missing'}`)
  if (info.size > maxBytes) throw new Error(`${basename(path)} is larger than ${maxBytes / 2 ** 20} MiB`)
  return readFileSync(path)
}

/**
 * Parses `<name>.json`; weight files must be plain names in the same folder (a damaged or hostile file cannot
 * point the loader at another file).
 */
function parseArtifactJson(text: string, file: string): ArtifactJson {
  let json: Partial<ArtifactJson> | null
  try {
    json = JSON.parse(text) as Partial<ArtifactJson> | null
  } catch {
    throw new Error(`${file} is not valid JSON`)
  }
  const plainName = (p: unknown): boolean => typeof p === 'string' && p !== '.' && p !== '..' && p !== '' && basename(p) === p && !p.includes('\\')
  const groups = json?.weightsManifest
  if (!Array.isArray(groups) || !groups.every((g) => Array.isArray(g?.paths) && g.paths.every(plainName) && Array.isArray(g.weights))) {
    throw new Error(`${file} has no valid weightsManifest (weight files must be plain names next to it)`)
  }
  return json as ArtifactJson
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
