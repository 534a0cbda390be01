import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'

import { createDb } from './db'
import { assertOrdered, latestVersion, migrations, type Migration } from './migrations'
import { installEventSequence, type SequencedEvent } from './repos/sync'

let counter = 0
const uniqueName = () => `migration-test-${++counter}-${Date.now()}`

describe('migration list', () => {
  it('is strictly increasing and ends at the latest version', () => {
    expect(() => assertOrdered(migrations)).not.toThrow()
    expect(latestVersion).toBe(migrations.at(-1)?.version)
  })

  it('refuses an out-of-order list', () => {
    const bad: Migration[] = [
      { version: 2, description: 'b', stores: {} },
      { version: 1, description: 'a', stores: {} },
    ]
    expect(() => assertOrdered(bad)).toThrow(/Migration 1 must come after 2/)
  })

  it('opens an empty database at the latest version with every table', async () => {
    const db = createDb(uniqueName())
    await db.open()
    expect(db.verno).toBe(latestVersion)
    const declared = new Set(migrations.flatMap((migration) => Object.keys(migration.stores)))
    expect(db.tables.map((table) => table.name).sort()).toEqual([...declared].sort())
    db.close()
  })
})

describe('upgrading from an earlier version', () => {
  const v1 = migrations[0]
  if (!v1) throw new Error('no migrations')
  const v2: Migration = {
    version: v1.version + 1,
    description: 'test: add a lower-case name index',
    stores: { projects: 'id, name, updatedAt, nameLower' },
    upgrade: async (tx) => {
      await tx
        .table('projects')
        .toCollection()
        .modify((project: { name: string; nameLower?: string }) => {
          project.nameLower = project.name.toLowerCase()
        })
    },
  }

  it('keeps every row and makes the new index usable', async () => {
    const name = uniqueName()
    const old = createDb(name, [v1])
    await old.projects.bulkAdd([
      { id: 'p1', name: 'Müller Review', description: '', createdAt: '2026-01-01', updatedAt: '2026-01-01' },
      { id: 'p2', name: 'NETLM', description: '', createdAt: '2026-01-02', updatedAt: '2026-01-02' },
    ])
    old.close()

    const upgraded = createDb(name, [v1, v2])
    await upgraded.open()
    expect(upgraded.verno).toBe(v2.version)
    expect(await upgraded.projects.count()).toBe(2)
    const found = await upgraded.table('projects').where('nameLower').equals('müller review').toArray()
    expect(found.map((project: { id: string }) => project.id)).toEqual(['p1'])
    upgraded.close()
  })

  it('leaves the database at the old version, readable, when an upgrade throws', async () => {
    const name = uniqueName()
    const old = createDb(name, [v1])
    await old.projects.add({ id: 'p1', name: 'Kept', description: '', createdAt: 'x', updatedAt: 'x' })
    old.close()

    const failing: Migration = {
      ...v2,
      upgrade: () => {
        throw new Error('upgrade bug')
      },
    }
    const broken = createDb(name, [v1, failing])
    await expect(broken.open()).rejects.toThrow(/upgrade bug/)
    broken.close()

    const reopened = new Dexie(name)
    await reopened.open()
    expect(reopened.verno).toBe(v1.version)
    expect(await reopened.table('projects').count()).toBe(1)
    reopened.close()
  })
})

describe('shipped migrations, each from the version before', () => {
  it('v1 → v2 keeps every row and adds the resolutions table', async () => {
    const [v1, v2] = migrations
    if (!v1 || !v2) throw new Error('expected two migrations')
    const name = uniqueName()
    const old = createDb(name, [v1])
    await old.projects.add({ id: 'p1', name: 'Kept', description: '', createdAt: 'x', updatedAt: 'x' })
    await old.decisions.add({
      id: 'r1:title-abstract:rv1',
      projectId: 'p1',
      recordId: 'r1',
      stage: 'title-abstract',
      reviewerId: 'rv1',
      value: 'include',
      reason: '',
      decidedAt: '2026-01-01T00:00:00.000Z',
    })
    old.close()

    const upgraded = createDb(name, [v1, v2])
    await upgraded.open()
    expect(upgraded.verno).toBe(2)
    expect(await upgraded.projects.count()).toBe(1)
    expect(await upgraded.decisions.where('[projectId+stage]').equals(['p1', 'title-abstract']).count()).toBe(
      1,
    )
    await upgraded.resolutions.add({
      id: 'r1:title-abstract',
      projectId: 'p1',
      recordId: 'r1',
      stage: 'title-abstract',
      value: 'exclude',
      reason: '',
      resolvedBy: 'rv3',
      resolvedAt: '2026-01-02T00:00:00.000Z',
    })
    expect(
      await upgraded.resolutions.where('[projectId+stage]').equals(['p1', 'title-abstract']).count(),
    ).toBe(1)
    upgraded.close()
  })

  it('v2 → v3 numbers existing events in the order they were written, and new events after them', async () => {
    const [v1, v2, v3] = migrations
    if (!v1 || !v2 || !v3) throw new Error('expected three migrations')
    const name = uniqueName()
    const old = createDb(name, [v1, v2])
    const event = (id: string, at: string) => ({
      id,
      projectId: 'p1',
      at,
      actor: 'rv1',
      type: 'decision.set',
      entity: 'decision',
      entityId: 'd',
      before: null,
      after: null,
    })
    await old.events.bulkAdd([
      event('ev_b', '2026-01-02T00:00:00.000Z'),
      event('ev_a', '2026-01-01T00:00:00.000Z'),
      event('ev_c', '2026-01-02T00:00:00.000Z'),
    ])
    old.close()

    const upgraded = createDb(name, [v1, v2, v3])
    installEventSequence(upgraded)
    await upgraded.open()
    expect(upgraded.verno).toBe(3)
    const numbered = await upgraded.events
      .where('[projectId+seq]')
      .between(['p1', 0], ['p1', Infinity])
      .toArray()
    expect(numbered.map((row) => [row.id, (row as SequencedEvent).seq])).toEqual([
      ['ev_a', 1],
      ['ev_b', 2],
      ['ev_c', 3],
    ])
    await upgraded.events.add(event('ev_0', '2020-01-01T00:00:00.000Z'))
    expect(((await upgraded.events.get('ev_0')) as SequencedEvent).seq).toBe(4)
    upgraded.close()
  })
})
