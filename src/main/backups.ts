/**
 * Backups on disk, in one folder under the app's user data. The renderer builds and verifies the backup
 * envelope (checksums, row counts); this module only stores text durably and reads it back.
 */
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { backupNameSchema, type BackupEntry } from '../shared/ipc/contract'
import { writeFileAtomic } from './atomic-write'

/** Store operations over one backups folder. */
export type BackupStore = {
  /** Writes the backup durably (temp → fsync → verify → rename) and returns its full path. */
  write: (name: string, data: string) => Promise<string>
  /** Backups in the folder, newest first; an absent folder means no backups. */
  list: () => Promise<BackupEntry[]>
  /** The text of one backup; rejects with a clear message when there is none of that name. */
  read: (name: string) => Promise<string>
  /** Deletes one backup (rotation of automatic backups); a missing one is not an error. */
  remove: (name: string) => Promise<void>
}

/** A {@link BackupStore} over `folder` (normally `<userData>/backups`). */
export function createBackupStore(folder: string): BackupStore {
  return {
    write: async (name, data) => {
      const path = pathOf(folder, name)
      await mkdir(folder, { recursive: true })
      await writeFileAtomic(path, data, { isVerified: true, mode: 0o600 })
      return path
    },
    list: () => listBackups(folder),
    remove: async (name) => {
      await rm(pathOf(folder, name), { force: true })
    },
    read: async (name) => {
      try {
        return await readFile(pathOf(folder, name), 'utf8')
      } catch (error) {
        if (isNotFound(error)) throw new Error(`No backup named ${JSON.stringify(name)}`)
        throw error
      }
    },
  }
}

/** Re-validates the name here too: the store must be safe even if called without the IPC wrapper. */
function pathOf(folder: string, name: string): string {
  return join(folder, backupNameSchema.parse(name))
}

async function listBackups(folder: string): Promise<BackupEntry[]> {
  let names: string[]
  try {
    const entries = await readdir(folder, { withFileTypes: true })
    names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name)
  } catch (error) {
    if (isNotFound(error)) return []
    throw error
  }
  // Temporary files start with "." and fail the name schema, so half-written backups are never listed.
  const valid = names.filter((name) => backupNameSchema.safeParse(name).success)
  const entries = await Promise.all(
    valid.map(async (name) => {
      const info = await stat(join(folder, name))
      return { name, bytes: info.size, modifiedAt: info.mtime.toISOString() }
    }),
  )
  return entries.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name))
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT'
}
