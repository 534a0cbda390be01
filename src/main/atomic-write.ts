import { randomUUID } from 'node:crypto'
import { open, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Options of {@link writeFileAtomic}. */
export type AtomicWriteOptions = {
  /** Read the temporary file back and compare it before it replaces the target (backups, D9). */
  isVerified?: boolean
  /** File mode for a new file, e.g. 0o600 for backups only this user may read. */
  mode?: number
}

/**
 * Writes `data` to `path` so that a crash or power cut leaves either the old file or the complete new one,
 * never a torn file: write a temporary file beside the target, fsync it, optionally verify it, then rename
 * it over the target (atomic on one file system) and fsync the folder so the rename itself is durable.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const expected = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`)
  try {
    const file = await open(temp, 'wx', options.mode ?? 0o666)
    try {
      await file.writeFile(expected)
      await file.sync()
    } finally {
      await file.close()
    }
    if (options.isVerified === true) await verifyWritten(temp, expected)
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  await syncFolder(dirname(path))
}

async function verifyWritten(path: string, expected: Uint8Array): Promise<void> {
  const actual = await readFile(path)
  if (!actual.equals(expected)) {
    throw new Error(`Verification failed: ${path} does not match what was written`)
  }
}

/** fsync on a folder makes a rename durable on POSIX; Windows cannot open folders, and does not need it. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
