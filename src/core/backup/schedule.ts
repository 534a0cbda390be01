/** One backup file as listed by the backup store. */
export type BackupFile = { name: string; modifiedAt: string }

/** Automatic backups of a project are named `auto-<projectId>-<stamp>.sift-backup`: ASCII only, sortable. */
export function autoBackupName(projectId: string, now: Date): string {
  return `auto-${projectId}-${now.toISOString().replace(/[:.]/g, '-')}.sift-backup`
}

/** A backup file name's time to the minute (`2026-11-27-20-15`): readable, sortable, safe on every file system. */
export function backupStamp(at: Date): string {
  return at.toISOString().slice(0, 16).replace(/[:T]/g, '-')
}

/** The name prefix shared by one project's automatic backups. */
export function autoBackupPrefix(projectId: string): string {
  return `auto-${projectId}-`
}

/**
 * Whether a project needs an automatic backup now: it changed since its last backup, and that backup is older
 * than the interval (at most one per interval, however busy the day). Times are ISO strings.
 */
export function isBackupDue(
  lastBackupAt: string | null,
  lastChangeAt: string,
  now: Date,
  intervalHours = 24,
): boolean {
  if (lastBackupAt === null) return true
  if (lastChangeAt <= lastBackupAt) return false
  return now.getTime() - Date.parse(lastBackupAt) >= intervalHours * 3_600_000
}

/** The automatic backups of a project to delete so that only the newest `keep` remain. */
export function backupsToPrune(files: readonly BackupFile[], prefix: string, keep: number): string[] {
  return files
    .filter((file) => file.name.startsWith(prefix))
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || b.name.localeCompare(a.name))
    .slice(Math.max(0, keep))
    .map((file) => file.name)
}
