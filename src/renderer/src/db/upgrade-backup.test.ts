import { describe, expect, it } from 'vitest'

import { openBackup } from '../../../core/backup/envelope'
import { createDb } from './db'
import { latestVersion, migrations } from './migrations'
import { backupBeforeUpgrade, pendingUpgrade, upgradeBackupName } from './upgrade-backup'

let counter = 0
const uniqueName = () => `upgrade-backup-test-${++counter}-${Date.now()}`
const app = { name: 'Sift', version: 'test' }

/** A database left by an older Sift: schema version 1 with two projects and some rows. */
async function seedVersionOne(name: string): Promise<void> {
  const old = createDb(name, migrations.slice(0, 1))
  await old.open()
  await old.projects.bulkAdd([
    { id: 'p1', name: 'NETLM review', description: '', createdAt: '2026-01-01', updatedAt: '2026-01-01' },
    { id: 'p2', name: 'Other review', description: '', createdAt: '2026-01-01', updatedAt: '2026-01-01' },
  ])
  await old.table('records').bulkAdd([
    { id: 'r1', projectId: 'p1', batchId: 'b1', title: 'Radioembolisation of liver metastases' },
    { id: 'r2', projectId: 'p1', batchId: 'b1', title: 'Müller: 王 and nulls', abstract: null },
    { id: 'r3', projectId: 'p2', batchId: 'b2', title: 'Another paper' },
  ])
  await old.table('decisions').add({ id: 'd1', projectId: 'p1', recordId: 'r1', stage: 'title-abstract' })
  old.close()
}

describe('backup before a schema upgrade', () => {
  it('sees nothing to upgrade for a missing database or one at the latest version', async () => {
    expect(await pendingUpgrade(uniqueName())).toBeNull()
    const name = uniqueName()
    const current = createDb(name)
    await current.open()
    current.close()
    expect(await pendingUpgrade(name)).toBeNull()
  })

  it('backs up every project at the old version, verifiably, before the upgrade runs', async () => {
    const name = uniqueName()
    await seedVersionOne(name)
    const upgrade = await pendingUpgrade(name)
    expect(upgrade).toEqual({ from: 1, to: latestVersion })
    if (!upgrade) return

    const files = new Map<string, string>()
    const now = new Date('2026-11-27T10:00:00Z')
    const written = await backupBeforeUpgrade(
      upgrade,
      (fileName, text) => {
        files.set(fileName, text)
        return Promise.resolve(`/backups/${fileName}`)
      },
      app,
      name,
      now,
    )
    expect(written).toEqual([
      `/backups/${upgradeBackupName('NETLM review', upgrade, now)}`,
      `/backups/${upgradeBackupName('Other review', upgrade, now)}`,
    ])
    const text = files.get(upgradeBackupName('NETLM review', upgrade, now)) ?? ''
    const opened = await openBackup(text, latestVersion)
    expect(opened.ok).toBe(true)
    if (!opened.ok) return
    expect(opened.envelope.schemaVersion).toBe(1)
    expect(opened.envelope.counts).toMatchObject({ projects: 1, records: 2, decisions: 1 })
    expect(opened.tables.records).toContainEqual(
      expect.objectContaining({ title: 'Müller: 王 and nulls', abstract: null }),
    )
    // The backup read the database without upgrading it; the app's own open does that afterwards.
    expect(await pendingUpgrade(name)).toEqual(upgrade)
    const upgraded = createDb(name)
    await upgraded.open()
    expect(await upgraded.records.count()).toBe(3)
    upgraded.close()
  })

  it('leaves the database at its old version when writing a backup fails', async () => {
    const name = uniqueName()
    await seedVersionOne(name)
    const upgrade = await pendingUpgrade(name)
    if (!upgrade) throw new Error('expected an upgrade')
    await expect(
      backupBeforeUpgrade(upgrade, () => Promise.reject(new Error('The disk is full.')), app, name),
    ).rejects.toThrow('The disk is full.')
    expect(await pendingUpgrade(name)).toEqual(upgrade)
  })
})
