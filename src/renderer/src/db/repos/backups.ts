import Dexie from 'dexie'

import {
  openBackup,
  sealBackup,
  type BackupEnvelope,
  type BackupTables,
} from '../../../../core/backup/envelope'
import { safeFileName } from '../../../../core/export/file-name'
import { createDb, type SiftDb } from '../db'
import { projectDataTables } from '../project-tables'
import {
  autoBackupName,
  autoBackupPrefix,
  backupStamp,
  backupsToPrune,
  isBackupDue,
} from '../../../../core/backup/schedule'
import { latestVersion } from '../migrations'
import type { Attachment } from '../schema'
import { appendEvent, localActor } from './events'

/** Every table of a project a backup carries: its data and its audit log (machine settings stay behind). */
const projectTables = [...projectDataTables, 'events'] as const

type EncodedBlob = { __blob: string; type: string }

async function encodeAttachment(row: Attachment): Promise<unknown> {
  const bytes = new Uint8Array(await row.data.arrayBuffer())
  let binary = ''
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000))
  }
  const data: EncodedBlob = { __blob: btoa(binary), type: row.data.type }
  return { ...row, data }
}

function decodeAttachment(row: unknown): unknown {
  const value = row as Attachment & { data: EncodedBlob }
  const binary = atob(value.data.__blob)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return { ...value, data: new Blob([bytes], { type: value.data.type }) }
}

/**
 * All rows of one project, attachments encoded as text. Works on any Dexie database of Sift's, including one still
 * at an older schema version (opened without a schema before an upgrade): tables it lacks are left out.
 */
export async function readProject(db: Dexie, projectId: string): Promise<BackupTables> {
  const present = new Set(db.tables.map((table) => table.name))
  const project: unknown = await db.table('projects').get(projectId)
  const tables: BackupTables = { projects: project ? [project] : [] }
  for (const name of projectTables) {
    if (!present.has(name)) continue
    const rows: unknown[] = await db.table(name).where('projectId').equals(projectId).toArray()
    tables[name] =
      name === 'attachments'
        ? await Promise.all(rows.map((row) => encodeAttachment(row as Attachment)))
        : rows
  }
  return tables
}

async function writeProject(db: SiftDb, projectId: string, tables: BackupTables): Promise<void> {
  const all = [db.projects, ...projectTables.map((name) => db.table(name))]
  await db.transaction('rw', all, async () => {
    for (const name of projectTables) await db.table(name).where('projectId').equals(projectId).delete()
    await db.projects.delete(projectId)
    await db.projects.bulkAdd((tables.projects ?? []) as never[])
    for (const name of projectTables) {
      const rows = tables[name] ?? []
      await db.table(name).bulkAdd(name === 'attachments' ? rows.map(decodeAttachment) : rows)
    }
  })
}

function sameCounts(envelope: BackupEnvelope, tables: BackupTables): boolean {
  return Object.entries(envelope.counts).every(([name, count]) => (tables[name]?.length ?? 0) === count)
}

/** Where automatic backups go: the desktop's backups folder (see the platform seam). */
export type BackupStore = {
  write(name: string, data: string): Promise<string>
  list(): Promise<{ name: string; modifiedAt: string }[]>
  remove(name: string): Promise<void>
}

export type BackupPreview = { projectName: string; createdAt: string; records: number; exists: boolean }

export type RestoreResult = { projectId: string; projectName: string; replaced: boolean }

/** The machine setting "automatic backups kept per project": default and bounds. */
export const automaticBackupsKept = { key: 'auto-backup-keep', default: 7, min: 1, max: 60 } as const

/** Project backups: one verified file per project, restored through a staging database. */
export function createBackupsRepo(db: SiftDb) {
  return {
    /** How many automatic backups this machine keeps per project (the newest ones). */
    async keptCount(): Promise<number> {
      const value = (await db.settings.get(automaticBackupsKept.key))?.value
      return typeof value === 'number' ? value : automaticBackupsKept.default
    },

    /** Changes how many automatic backups are kept; refuses a number outside 1–60 with a message. */
    async setKeptCount(count: number): Promise<void> {
      if (!Number.isInteger(count) || count < automaticBackupsKept.min || count > automaticBackupsKept.max)
        throw new Error(
          `Keep between ${automaticBackupsKept.min} and ${automaticBackupsKept.max} automatic backups per project.`,
        )
      await db.settings.put({ key: automaticBackupsKept.key, value: count })
    },

    /** The backup file text of one project: all its tables (attachments included), counts and a SHA-256. */
    async backupProject(
      projectId: string,
      app: { name: string; version: string },
    ): Promise<{ name: string; text: string }> {
      const project = await db.projects.get(projectId)
      if (!project) throw new Error('This project no longer exists.')
      const text = await sealBackup({
        schemaVersion: latestVersion,
        createdAt: new Date().toISOString(),
        app,
        projectId,
        projectName: project.name,
        tables: await readProject(db, projectId),
      })
      const safeName = safeFileName(project.name, 'project')
      return { name: `${safeName}-${backupStamp(new Date())}.sift-backup`, text }
    },

    /**
     * Backs up every project that changed since its last automatic backup, at most once per interval, keeping the
     * newest `keep` per project. The store writes temp → verify → rename. Returns how many backups were written.
     */
    async runAutomaticBackups(
      store: BackupStore,
      app: { name: string; version: string },
      keep: number,
      now = new Date(),
    ): Promise<number> {
      let written = 0
      for (const project of await db.projects.toArray()) {
        const key = `auto-backup:${project.id}`
        const last = (await db.settings.get(key))?.value
        const lastEvent = await db.events
          .where('[projectId+at]')
          .between([project.id, Dexie.minKey], [project.id, Dexie.maxKey])
          .last()
        const lastChange = lastEvent?.at ?? project.updatedAt
        if (!isBackupDue(typeof last === 'string' ? last : null, lastChange, now)) continue
        const { text } = await this.backupProject(project.id, app)
        await store.write(autoBackupName(project.id, now), text)
        await db.settings.put({ key, value: now.toISOString() })
        written++
        const prefix = autoBackupPrefix(project.id)
        for (const name of backupsToPrune(await store.list(), prefix, keep)) await store.remove(name)
      }
      return written
    },

    /** Verifies a backup file and says what it holds and whether that project exists here; writes nothing. */
    async preview(text: string): Promise<BackupPreview> {
      const opened = await openBackup(text, latestVersion)
      if (!opened.ok) throw new Error(opened.error)
      const { envelope } = opened
      const exists = (await db.projects.get(envelope.projectId)) !== undefined
      return {
        projectName: envelope.projectName,
        createdAt: envelope.createdAt,
        records: envelope.counts.records ?? 0,
        exists,
      }
    },

    /**
     * Restores a backup file. It is verified first (format, versions, checksum, counts); then written into a
     * separate staging database and read back; only when that copy matches is the project replaced, in one
     * transaction. A bad file changes nothing.
     */
    async restore(text: string): Promise<RestoreResult> {
      const opened = await openBackup(text, latestVersion)
      if (!opened.ok) throw new Error(opened.error)
      const { envelope, tables } = opened
      const staging = createDb(`sift-restore-staging-${Date.now()}`)
      try {
        await writeProject(staging, envelope.projectId, tables)
        const copy = await readProject(staging, envelope.projectId)
        if (!sameCounts(envelope, copy))
          throw new Error('The restored copy did not verify; nothing was changed.')
      } finally {
        staging.close()
        await Dexie.delete(staging.name)
      }
      const replaced = (await db.projects.get(envelope.projectId)) !== undefined
      await writeProject(db, envelope.projectId, tables)
      await db.transaction('rw', db.events, () =>
        appendEvent(db, {
          projectId: envelope.projectId,
          actor: localActor,
          type: 'project.restore',
          entity: 'project',
          entityId: envelope.projectId,
          after: { createdAt: envelope.createdAt, counts: envelope.counts },
        }),
      )
      return { projectId: envelope.projectId, projectName: envelope.projectName, replaced }
    },
  }
}
