import { describe, expect, it } from 'vitest'

import { eventToDoc, readEventDoc, type SyncableEvent } from './event-doc'
import { docsToReviewerFiles } from './inbox'

const record = { id: 'r1', doi: '10.1000/ONE', pmid: '', title: 'One', year: 2020 }

function decisionEvent(id: string, actor: string, value: string, decidedAt: string): SyncableEvent {
  const after = { recordId: 'r1', stage: 'title-abstract', reviewerId: actor, value, reason: '', decidedAt }
  return {
    id,
    at: decidedAt,
    actor,
    type: 'decision.set',
    entity: 'decision',
    entityId: 'd',
    before: null,
    after,
  }
}

const doc = (event: SyncableEvent, user = 'anna') => eventToDoc(event, { user, actorName: 'Anna', record })

describe('event documents', () => {
  it('carry the record identity and the event unchanged, whatever its type', () => {
    const unknown = {
      ...decisionEvent('ev_9', 'rv_a', 'include', '2026-01-01T00:00:00Z'),
      type: 'future.thing',
    }
    const written = doc(unknown)
    expect(written).toMatchObject({
      _id: 'ev_9',
      user: 'anna',
      type: 'future.thing',
      record: { fingerprint: 'doi:10.1000/one' },
    })
    expect(readEventDoc(JSON.parse(JSON.stringify(written)))).toEqual(written)
    expect(readEventDoc({ _id: '_design/sift' })).toBeNull()
  })
})

describe('docsToReviewerFiles', () => {
  const docs = [
    doc(decisionEvent('ev_1', 'rv_a', 'include', '2026-01-01T00:00:00Z')),
    doc(decisionEvent('ev_2', 'rv_a', 'exclude', '2026-01-02T00:00:00Z')),
    doc(decisionEvent('ev_3', 'rv_b', 'include', '2026-01-01T00:00:00Z'), 'ben'),
  ]

  it('makes one reviewer file per reviewer, the same whatever the arrival order', () => {
    const forward = docsToReviewerFiles(docs, [])
    const backward = docsToReviewerFiles([...docs].reverse(), [])
    expect(forward.files.map((file) => file.reviewer.id).sort()).toEqual(['rv_a', 'rv_b'])
    const byReviewer = (batch: typeof forward) =>
      Object.fromEntries(
        batch.files.map((file) => [file.reviewer.id, new Set(file.decisions.map((d) => d.value))]),
      )
    expect(byReviewer(backward)).toEqual(byReviewer(forward))
    expect(forward.files[0]?.records).toEqual([{ id: 'r1', fingerprint: 'doi:10.1000/one' }])
  })

  it('rejects a decision that speaks for another reviewer than its author, and a malformed one', () => {
    const forged = doc({ ...decisionEvent('ev_4', 'rv_b', 'include', '2026-01-03T00:00:00Z'), actor: 'rv_x' })
    const broken = doc({
      ...decisionEvent('ev_5', 'rv_a', 'include', '2026-01-03T00:00:00Z'),
      after: { recordId: 'r1', reviewerId: 'rv_a', value: 'perhaps' },
    })
    const batch = docsToReviewerFiles([...docs, forged, broken], [])
    expect(batch.rejected).toBe(2)
    expect(batch.files.flatMap((file) => file.decisions)).toHaveLength(3)
  })

  it('counts, but does not merge, events of types it does not know', () => {
    const future = doc({
      ...decisionEvent('ev_6', 'rv_a', 'include', '2026-01-03T00:00:00Z'),
      type: 'future.thing',
    })
    expect(docsToReviewerFiles([future], []).notMerged).toBe(1)
  })
})
