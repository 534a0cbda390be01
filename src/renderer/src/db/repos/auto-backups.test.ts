import { beforeEach, describe, expect, it } from 'vitest'

import { openBackup } from '../../../../core/backup/envelope'
import { createDb, type SiftDb } from '../db'
import { latestVersion } from '../migrations'
import { createBackupsRepo, type BackupStore } from './backups'
import { createProjectsRepo } from './projects'

const app = { name: 'Sift', version: 'test' }
const day = 24 * 3_600_000

/** The backups folder in memory; `clock` stamps each file as the file system would. */
function memoryStore(clock: { now: Date }) {
  const files = new Map<string, { data: string; modifiedAt: string }>()
  const store: BackupStore = {
    write: (name, data) => {
      files.set(name, { data, modifiedAt: clock.now.toISOString() })
      return Promise.resolve(`/backups/${name}`)
    },
    list: () => Promise.resolve([...files].map(([name, file]) => ({ name, modifiedAt: file.modifiedAt }))),
    remove: (name) => {
      files.delete(name)
      return Promise.resolve()
    },
  }
  return { store, files }
}

let db: SiftDb
let projectId: string

/** A change to the project at `at`: one more event in its log. */
async function changeAt(at: Date): Promise<void> {
  await db.events.add({
    id: `ev_${at.getTime()}`,
    projectId,
    at: at.toISOString(),
    actor: 'local',
    type: 'note.add',
    entity: 'note',
    entityId: 'n',
    before: null,
    after: null,
  })
}

beforeEach(async () => {
  db = createDb(`auto-backup-test-${Math.random()}`)
  await db.open()
  projectId = (await createProjectsRepo(db).create('Automatic')).id
})

describe('automatic backups (RELIABILITY.md D9)', () => {
  it('makes at most one per interval, and none while nothing changed', async () => {
    const start = new Date(Date.now() + day)
    const clock = { now: start }
    const { store, files } = memoryStore(clock)
    const repo = createBackupsRepo(db)
    expect(await repo.runAutomaticBackups(store, app, 7, clock.now)).toBe(1)

    // Changed an hour later: still inside the interval, so no second backup.
    await changeAt(new Date(start.getTime() + 3_600_000))
    clock.now = new Date(start.getTime() + 2 * 3_600_000)
    expect(await repo.runAutomaticBackups(store, app, 7, clock.now)).toBe(0)

    // A day later the change is backed up; another day without changes adds nothing.
    clock.now = new Date(start.getTime() + day + 3_600_000)
    expect(await repo.runAutomaticBackups(store, app, 7, clock.now)).toBe(1)
    clock.now = new Date(start.getTime() + 3 * day)
    expect(await repo.runAutomaticBackups(store, app, 7, clock.now)).toBe(0)
    expect(files.size).toBe(2)
  })

  it('keeps the newest N of the project, each a verifiable backup, and leaves other files alone', async () => {
    const start = new Date(Date.now() + day)
    const clock = { now: start }
    const { store, files } = memoryStore(clock)
    files.set('manual-export.sift-backup', { data: 'x', modifiedAt: '2020-01-01T00:00:00.000Z' })
    const repo = createBackupsRepo(db)
    const written: string[] = []
    for (let index = 0; index < 5; index++) {
      clock.now = new Date(start.getTime() + index * day)
      await changeAt(new Date(clock.now.getTime() - 60_000))
      expect(await repo.runAutomaticBackups(store, app, 3, clock.now)).toBe(1)
      written.push(...[...files.keys()].filter((name) => !written.includes(name)))
    }
    const autoNames = [...files.keys()].filter((name) => name.startsWith(`auto-${projectId}-`)).sort()
    expect(autoNames).toHaveLength(3)
    expect(autoNames).toEqual(written.filter((name) => name.startsWith('auto-')).slice(-3))
    expect(files.has('manual-export.sift-backup')).toBe(true)
    for (const name of autoNames) {
      const opened = await openBackup(files.get(name)?.data ?? '', latestVersion)
      expect(opened.ok).toBe(true)
    }
  })
})

describe('how many automatic backups are kept', () => {
  it('is 7 until changed, keeps a new number, and refuses numbers outside 1–60 without changing it', async () => {
    const db = createDb(`kept-count-${Math.random()}`)
    await db.open()
    const repo = createBackupsRepo(db)
    expect(await repo.keptCount()).toBe(7)
    await repo.setKeptCount(3)
    expect(await repo.keptCount()).toBe(3)
    await expect(repo.setKeptCount(0)).rejects.toThrow('Keep between 1 and 60')
    await expect(repo.setKeptCount(2.5)).rejects.toThrow('Keep between 1 and 60')
    expect(await repo.keptCount()).toBe(3)
    db.close()
  })
})
