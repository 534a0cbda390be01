import { describe, expect, it } from 'vitest'

import { emptyRecord } from '../../../core/records/record'
import { createDb } from '../db/db'
import { createDecisionsRepo } from '../db/repos/decisions'
import { createSyncRepo } from '../db/repos/sync'
import { projectWithRecords } from '../test/project-with-records'
import { runOutbox } from './outbox'
import type { BulkDocsResult, PouchDatabase, PouchDoc } from './pouch'

/** A mirror that keeps documents by id and answers a second write of an id as PouchDB does (409). */
function fakeMirror(): PouchDatabase & { docs: Map<string, PouchDoc>; writes: number } {
  const docs = new Map<string, PouchDoc>()
  const mirror = {
    name: 'fake',
    docs,
    writes: 0,
    bulkDocs(batch: PouchDoc[]): Promise<BulkDocsResult[]> {
      mirror.writes++
      return Promise.resolve(
        batch.map((doc) => {
          if (docs.has(doc._id)) return { id: doc._id, error: 'conflict', status: 409 }
          docs.set(doc._id, doc)
          return { ok: true, id: doc._id, rev: `1-${doc._id.padEnd(32, '0').slice(0, 32)}` }
        }),
      )
    },
  }
  return mirror as unknown as PouchDatabase & { docs: Map<string, PouchDoc>; writes: number }
}

async function project(recordCount: number) {
  const db = createDb(`outbox-test-${Math.random()}`)
  const repo = createSyncRepo(db)
  await db.open()
  const { projectId, recordIds } = await projectWithRecords(
    db,
    'Outbox',
    Array.from({ length: recordCount }, (_, index) => ({
      ...emptyRecord(),
      title: `Study ${index}`,
      doi: `10.1/${index}`,
    })),
  )
  await createDecisionsRepo(db).decideMany(recordIds, {
    projectId,
    stage: 'title-abstract',
    reviewerId: 'rv_anna',
    value: 'include',
    reason: '',
  })
  return { db, repo, projectId }
}

describe('runOutbox', () => {
  it('reports each batch of new documents as soon as it is in the mirror, and only new ones', async () => {
    const { repo, projectId } = await project(1_200)
    const mirror = fakeMirror()
    const batches: { ids: string[]; inMirror: boolean }[] = []
    const written: PouchDoc[] = []
    const result = await runOutbox(repo, mirror, projectId, 'anna', {
      onCopied: (docs) => {
        const ids = docs.map((doc) => doc._id)
        written.push(...docs)
        batches.push({ ids, inMirror: ids.every((id) => mirror.docs.has(id)) })
      },
    })
    const decisionDocs = [...mirror.docs.values()].filter((doc) => doc.type === 'decision.set')
    expect(decisionDocs).toHaveLength(1_200)
    expect(result.copied).toBe(mirror.docs.size)
    // Batches of 500 events: the callback hears each one, after it was written.
    expect(batches.length).toBe(mirror.writes)
    expect(batches.length).toBeGreaterThanOrEqual(3)
    expect(batches.every((batch) => batch.inMirror)).toBe(true)
    expect(new Set(batches.flatMap((batch) => batch.ids)).size).toBe(mirror.docs.size)
    // Each as it was written, with the revision the mirror gave it.
    for (const doc of written) {
      const { _rev, ...sent } = doc
      expect(_rev).toMatch(/^1-/)
      expect(mirror.docs.get(doc._id)).toEqual(sent)
    }

    // Copied again from the start (the cursor lost): every write is a conflict, nothing is reported as new.
    await repo.saveState(projectId, { pushedSeq: 0 })
    const again: string[][] = []
    const second = await runOutbox(repo, mirror, projectId, 'anna', {
      onCopied: (docs) => {
        again.push(docs.map((doc) => doc._id))
      },
    })
    expect(second.copied).toBe(0)
    expect(again).toEqual([])
  })

  it('starts from the cursor it is given instead of the stored one', async () => {
    const { repo, projectId } = await project(3)
    const mirror = fakeMirror()
    const first = await runOutbox(repo, mirror, projectId, 'anna')
    expect(first.copied).toBeGreaterThanOrEqual(3)
    const writes = mirror.writes
    // The stored cursor says nothing was copied; the cursor given back by the first run says all was.
    await repo.saveState(projectId, { pushedSeq: 0 })
    const second = await runOutbox(repo, mirror, projectId, 'anna', { from: first.pushedSeq })
    expect(second).toEqual({ copied: 0, pushedSeq: first.pushedSeq })
    expect(mirror.writes).toBe(writes)
  })
})
