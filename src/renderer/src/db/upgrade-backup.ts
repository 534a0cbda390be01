import Dexie from 'dexie'

import { sealBackup } from '../../../core/backup/envelope'
import { backupStamp } from '../../../core/backup/schedule'
import { safeFileName } from '../../../core/export/file-name'
import { databaseName } from './db'
import { latestVersion } from './migrations'
import { readProject } from './repos/backups'

/** A database on this machine at an older schema version than the app's, which opening it would upgrade. */
export type PendingUpgrade = { from: number; to: number }

/**
 * Whether opening the database would upgrade it: it exists and its schema version is older than the app's. Reads
 * the version without declaring a schema, so nothing is upgraded by asking.
 */
export async function pendingUpgrade(
  name = databaseName,
  latest = latestVersion,
): Promise<PendingUpgrade | null> {
  if (!(await Dexie.exists(name))) return null
  const probe = new Dexie(name)
  try {
    await probe.open()
    return probe.verno < latest ? { from: probe.verno, to: latest } : null
  } finally {
    probe.close()
  }
}

/** The file name of a backup made before an upgrade; rotation of automatic backups never removes these. */
export function upgradeBackupName(projectName: string, upgrade: PendingUpgrade, now: Date): string {
  const name = safeFileName(projectName, 'project')
  return `before-upgrade-v${upgrade.from}-to-v${upgrade.to}-${name}-${backupStamp(now)}.sift-backup`
}

type WriteBackup = (fileName: string, text: string) => Promise<string>

/**
 * Backs up every project of the database as it is, before a schema upgrade touches it: one verified backup file
 * per project (the same format as "Back up project…", at the old schema version), written through `write` (the
 * desktop's backups folder, a download in the browser). Returns where each file went.
 */
export async function backupBeforeUpgrade(
  upgrade: PendingUpgrade,
  write: WriteBackup,
  app: { name: string; version: string },
  name = databaseName,
  now = new Date(),
): Promise<string[]> {
  const old = new Dexie(name)
  await old.open()
  try {
    if (old.verno !== upgrade.from) throw new Error('The database changed while it was being backed up.')
    const projects = (await old.table('projects').toArray()) as { id: string; name: string }[]
    const written: string[] = []
    for (const project of projects) {
      const text = await sealBackup({
        schemaVersion: upgrade.from,
        createdAt: now.toISOString(),
        app,
        projectId: project.id,
        projectName: project.name,
        tables: await readProject(old, project.id),
      })
      written.push(await write(upgradeBackupName(project.name, upgrade, now), text))
    }
    return written
  } finally {
    old.close()
  }
}
