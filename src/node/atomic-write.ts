import { open, rename, rm } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'

/**
 * Writes a file so that a crash at any point leaves either the old or the new content, never a torn file:
 * write a sibling temp file, fsync it, rename over the target (atomic on POSIX within one filesystem).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`)
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temp, path)
  } catch (err) {
    await rm(temp, { force: true })
    throw err
  }
}
