import { describe, expect, it } from 'vitest'

import { emptyRecord } from '../../../../core/records/record'
import { createDb } from '../db'
import { projectWithRecords } from '../../test/project-with-records'
import { createDecisionsRepo } from './decisions'
import { appendEvent } from './events'
import { createSyncRepo } from './sync'

async function setup(count: number) {
  const db = createDb(`sync-repo-test-${Math.random()}`)
  const repo = createSyncRepo(db)
  await db.open()
  const { projectId, recordIds } = await projectWithRecords(
    db,
    'Sync',
    Array.from({ length: count }, (_, index) => ({ ...emptyRecord(), title: `Study ${index}` })),
  )
  return { db, repo, projectId, recordIds, decisions: createDecisionsRepo(db) }
}

describe('sync repo: events written', () => {
  it('tells its listeners once per transaction that wrote events, after it committed, until they stop', async () => {
    const { db, repo, projectId, recordIds, decisions } = await setup(3)
    const heard: number[] = []
    // What a listener can read when it is called: the events of the transaction must be there.
    const stop = repo.onEventsWritten(() => {
      void db.events.count().then((count) => heard.push(count))
    })
    const before = await db.events.count()
    const decision = { projectId, stage: 'title-abstract' as const, reviewerId: 'rv_anna', reason: '' }
    await decisions.decide({ ...decision, recordId: recordIds[0] ?? '', value: 'include' })
    await decisions.decideMany(recordIds, { ...decision, value: 'exclude' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const after = await db.events.count()
    expect(after).toBeGreaterThan(before + 3)
    expect(heard).toHaveLength(2)
    expect(heard.at(-1)).toBe(after)
    expect(heard[0]).toBeGreaterThan(before)

    stop()
    await decisions.decide({ ...decision, recordId: recordIds[1] ?? '', value: 'include' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(heard).toHaveLength(2)
  })

  it('tells nobody of a transaction that wrote only events about this machine (a teammate merged)', async () => {
    const { db, repo, projectId, recordIds, decisions } = await setup(1)
    let heard = 0
    repo.onEventsWritten(() => heard++)
    const merged = { projectId, type: 'team.import-work', entity: 'reviewer', entityId: 'rv_ben' }
    await db.transaction('rw', db.events, () => appendEvent(db, merged))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(heard).toBe(0)
    // With an event to send in the same transaction, it is told once.
    await db.transaction('rw', [db.decisions, db.events], async () => {
      await appendEvent(db, merged)
      await decisions.decide({
        projectId,
        recordId: recordIds[0] ?? '',
        stage: 'title-abstract',
        reviewerId: 'rv_anna',
        value: 'include',
        reason: '',
      })
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(heard).toBe(1)
  })

  it('tells of events written in a nested transaction once the outer one committed, and nothing if it failed', async () => {
    const { db, repo, projectId, recordIds, decisions } = await setup(2)
    const heard: number[] = []
    repo.onEventsWritten(() => {
      void db.events
        .where('projectId')
        .equals(projectId)
        .count()
        .then((count) => heard.push(count))
    })
    const decideInside = (recordId: string, then: () => Promise<void>) =>
      db.transaction('rw', [db.decisions, db.events], async () => {
        await decisions.decide({
          projectId,
          recordId,
          stage: 'title-abstract',
          reviewerId: 'rv_anna',
          value: 'include',
          reason: '',
        })
        await then()
      })
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20))
    const before = await db.events.where('projectId').equals(projectId).count()

    await expect(
      decideInside(recordIds[0] ?? '', () => Promise.reject(new Error('rolled back'))),
    ).rejects.toThrow('rolled back')
    await settle()
    expect(heard).toEqual([])
    expect(await db.events.where('projectId').equals(projectId).count()).toBe(before)

    // Still inside the outer transaction after the nested write: nothing is told until it commits.
    await decideInside(recordIds[1] ?? '', async () => {
      await db.decisions.count()
      await db.events.count()
      expect(heard).toEqual([])
    })
    await settle()
    expect(heard).toEqual([before + 1])
  })
})
