import { beforeEach, describe, expect, it } from 'vitest'

import { emptyRecord } from '../../../../core/records/record'
import { createDb, type SiftDb } from '../db'
import { createBackupsRepo } from './backups'
import { createDecisionsRepo } from './decisions'
import { createImportsRepo } from './imports'
import { createProjectsRepo } from './projects'

const app = { name: 'Sift', version: 'test' }
const tables = [
  'projects',
  'records',
  'importBatches',
  'decisions',
  'notes',
  'attachments',
  'events',
] as const

async function seeded(): Promise<{ db: SiftDb; projectId: string }> {
  const db = createDb(`backup-test-${Math.random()}`)
  await db.open()
  const projectId = (await createProjectsRepo(db).create('Müller 王 review')).id
  await createImportsRepo(db).commitBatch({
    projectId,
    fileName: 'a.ris',
    hash: 'h',
    format: 'ris',
    encoding: 'utf-8',
    source: 'Embase',
    warningCount: 0,
    records: [{ ...emptyRecord(), title: 'Ünïcode title', year: null }],
  })
  const [recordId = ''] = await db.records.toCollection().primaryKeys()
  await createDecisionsRepo(db).decide({
    projectId,
    recordId,
    stage: 'title-abstract',
    reviewerId: 'rv',
    value: 'include',
    reason: '',
  })
  await db.notes.add({ id: 'n1', projectId, recordId, text: 'note', createdAt: '2026-01-01T00:00:00.000Z' })
  // Attachments (Blobs) are covered in the browser e2e: jsdom's Blob does not survive fake-indexeddb's cloning.
  return { db, projectId }
}

async function snapshot(db: SiftDb, projectId: string) {
  const result: Record<string, unknown[]> = {}
  for (const name of tables) {
    const rows = await db.table(name).toArray()
    result[name] = await Promise.all(
      rows
        .filter(
          (row: { projectId?: string; id?: string }) => row.projectId === projectId || row.id === projectId,
        )
        .map(async (row: { data?: unknown }) =>
          row.data instanceof Blob
            ? { ...row, data: [...new Uint8Array(await row.data.arrayBuffer())] }
            : row,
        ),
    )
  }
  return result
}

let source: Awaited<ReturnType<typeof seeded>>
let target: SiftDb

beforeEach(async () => {
  source = await seeded()
  target = createDb(`backup-target-${Math.random()}`)
  await target.open()
})

describe('project backups', () => {
  it('restores into an empty profile with every table equal (unicode, nulls)', async () => {
    const { text } = await createBackupsRepo(source.db).backupProject(source.projectId, app)
    const restored = await createBackupsRepo(target).restore(text)
    expect(restored).toEqual({
      projectId: source.projectId,
      projectName: 'Müller 王 review',
      replaced: false,
    })
    const before = await snapshot(source.db, source.projectId)
    const after = await snapshot(target, source.projectId)
    // The restore itself is logged: one more event on the target.
    expect(after.events).toHaveLength((before.events?.length ?? 0) + 1)
    expect({ ...after, events: [] }).toEqual({ ...before, events: [] })
  })

  it('refuses a damaged file before writing anything', async () => {
    const { text } = await createBackupsRepo(source.db).backupProject(source.projectId, app)
    await expect(createBackupsRepo(target).restore(text.replace('Ünïcode', 'Unicode'))).rejects.toThrow(
      /checksum/,
    )
    await expect(createBackupsRepo(target).restore(text.slice(0, 100))).rejects.toThrow(/damaged or cut off/)
    expect(await target.projects.count()).toBe(0)
    expect(await target.records.count()).toBe(0)
  })

  it('replaces the existing copy of the project when restoring over it', async () => {
    const repo = createBackupsRepo(source.db)
    const { text } = await repo.backupProject(source.projectId, app)
    await source.db.records.clear()
    const restored = await repo.restore(text)
    expect(restored.replaced).toBe(true)
    expect(await source.db.records.count()).toBe(1)
  })
})
