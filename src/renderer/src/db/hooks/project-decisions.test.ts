import { afterEach, describe, expect, it, vi } from 'vitest'

import { emptyRecord } from '../../../../core/records/record'
import { projectWithRecords } from '../../test/project-with-records'
import { createDb, type SiftDb } from '../db'
import { createDecisionsRepo } from '../repos/decisions'
import type { Decision } from '../schema'
import { ProjectDecisionsView } from './project-decisions'

const importRecords = (db: SiftDb, name: string, count: number) =>
  projectWithRecords(
    db,
    name,
    Array.from({ length: count }, (_, index) => ({ ...emptyRecord(), title: `${name} ${index}` })),
  )

const stops: (() => void)[] = []
afterEach(() => stops.splice(0).forEach((stop) => stop()))

/** A view of the first project followed by a listener; `next()` waits for its next update. */
async function setup(recordCount = 5) {
  const db = createDb(`project-decisions-${Math.random()}`)
  await db.open()
  const one = await importRecords(db, 'One', recordCount)
  const other = await importRecords(db, 'Other', 2)
  const repo = createDecisionsRepo(db)
  const decide = (projectId: string, recordId: string, value: 'include' | 'exclude' = 'include') =>
    repo.decide({ projectId, recordId, stage: 'title-abstract', reviewerId: 'rv_anna', value, reason: '' })
  await decide(one.projectId, one.recordIds[0] ?? '')
  const view = new ProjectDecisionsView(db, one.projectId)
  let waiting: (() => void) | null = null
  stops.push(view.subscribe(() => waiting?.()))
  const next = () => new Promise<void>((resolve) => (waiting = resolve))
  const fromDatabase = async (): Promise<Decision[]> =>
    db.decisions.where('projectId').equals(one.projectId).toArray()
  await vi.waitFor(() => expect(view.current()).toHaveLength(1))
  return { db, one, other, repo, decide, view, next, fromDatabase }
}

describe('ProjectDecisionsView', () => {
  it('reads only the decisions a change touched, and stays equal to the project, in id order', async () => {
    const { db, one, decide, view, next, fromDatabase } = await setup()
    const wholeReads = vi.spyOn(db.decisions, 'where')

    // New decisions whose ids sort before those held, one at a time: each is read alone and put in its place.
    for (const recordId of one.recordIds.slice(1).sort().reverse()) {
      const updated = next()
      await decide(one.projectId, recordId)
      await updated
    }
    const updated = next()
    await decide(one.projectId, one.recordIds[0] ?? '', 'exclude')
    await updated
    expect(wholeReads).not.toHaveBeenCalled()
    expect(view.current()).toEqual(await fromDatabase())
    expect(view.current()?.find((row) => row.recordId === one.recordIds[0])?.value).toBe('exclude')
  })

  it('drops an undone decision and ignores other projects', async () => {
    const { one, other, repo, decide, view, next, fromDatabase } = await setup()
    const before = view.current()
    const change = await decide(one.projectId, one.recordIds[2] ?? '')
    await vi.waitFor(() => expect(view.current()).toHaveLength(2))

    const updated = next()
    await repo.undo(change)
    await updated
    expect(view.current()).toEqual(await fromDatabase())
    expect(view.current()).toHaveLength(1)

    // Another project's decision changes nothing here, not even the array (the screens do not recompute).
    const current = view.current()
    await decide(other.projectId, other.recordIds[0] ?? '')
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(view.current()).toBe(current)
    expect(before).toHaveLength(1)
  })

  it('reads the whole project again after a large write or a cleared table', async () => {
    const { db, one, repo, view, fromDatabase } = await setup(600)
    const wholeReads = vi.spyOn(db.decisions, 'where')
    await repo.decideMany(one.recordIds, {
      projectId: one.projectId,
      stage: 'title-abstract',
      reviewerId: 'rv_ben',
      value: 'exclude',
      reason: '',
    })
    await vi.waitFor(() => expect(view.current()).toHaveLength(601))
    expect(view.current()).toEqual(await fromDatabase())
    expect(wholeReads).toHaveBeenCalled()

    await db.decisions.clear()
    await vi.waitFor(() => expect(view.current()).toEqual([]))
  })

  it('ends equal to the project when changes come while it reads', async () => {
    const { one, decide, view, fromDatabase } = await setup(20)
    await Promise.all(one.recordIds.map((recordId) => decide(one.projectId, recordId, 'exclude')))
    const expected = await fromDatabase()
    await vi.waitFor(() => expect(view.current()).toEqual(expected))
    expect(expected).toHaveLength(20)
  })

  it('never shows a read begun before it was stopped and followed again', async () => {
    const { db, one, decide, view, fromDatabase } = await setup(3)
    await decide(one.projectId, one.recordIds[1] ?? '')
    await vi.waitFor(() => expect(view.current()).toHaveLength(2))
    // The next partial read is held until the view has been stopped and followed again.
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const bulkGet = db.decisions.bulkGet.bind(db.decisions)
    const heldBulkGet = (keys: string[]) => held.then(() => bulkGet(keys))
    vi.spyOn(db.decisions, 'bulkGet').mockImplementationOnce(heldBulkGet as unknown as typeof bulkGet)
    await decide(one.projectId, one.recordIds[2] ?? '')
    await new Promise((resolve) => setTimeout(resolve, 20))
    stops.shift()?.()
    const seen: (number | undefined)[] = []
    stops.push(view.subscribe(() => seen.push(view.current()?.length)))
    release()
    const expected = await fromDatabase()
    await vi.waitFor(() => expect(view.current()).toEqual(expected))
    expect(expected).toHaveLength(3)
    expect(seen.every((length) => length === 3)).toBe(true)
  })
})
