import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mapIncomingRecordIds, mergeDecisions, mergeNotes, mergeResolutions } from './merge'
import type { ScreeningResolution } from './status'
import { computeScreeningStatus } from './status'
import type { DecisionValue, ScreeningDecision, ScreeningStage } from './types'

// Small value pools so that generated lists often share events and tie on time, which is where merges go wrong.
const decisionArb: fc.Arbitrary<ScreeningDecision> = fc.record({
  recordId: fc.constantFrom('r1', 'r2', 'r3'),
  stage: fc.constantFrom<ScreeningStage>('title-abstract', 'full-text'),
  reviewerId: fc.constantFrom('ann', 'bob'),
  value: fc.constantFrom<DecisionValue>('include', 'exclude', 'maybe'),
  reason: fc.constantFrom('', 'Wrong population'),
  decidedAt: fc.constantFrom('2024-01-01T10:00:00Z', '2024-01-01T10:00:00.000Z', '2024-01-02T09:00:00+01:00'),
})
const decisionsArb = fc.array(decisionArb, { maxLength: 30 })

const key = (d: ScreeningDecision): string =>
  JSON.stringify([d.recordId, d.stage, d.reviewerId, d.decidedAt, d.value, d.reason])
const asSet = (list: ScreeningDecision[]): Set<string> => new Set(list.map(key))

describe('mergeDecisions', () => {
  it('is order-independent: merge(a, b) equals merge(b, a)', () => {
    fc.assert(
      fc.property(decisionsArb, decisionsArb, (a, b) => {
        expect(mergeDecisions(a, b)).toEqual(mergeDecisions(b, a))
      }),
    )
  })

  it('is idempotent: merge(a, a) is a as a set, and merging a merge result again changes nothing', () => {
    fc.assert(
      fc.property(decisionsArb, decisionsArb, (a, b) => {
        expect(asSet(mergeDecisions(a, a))).toEqual(asSet(a))
        const merged = mergeDecisions(a, b)
        expect(mergeDecisions(merged, merged)).toEqual(merged)
        expect(mergeDecisions(merged, b)).toEqual(merged)
      }),
    )
  })

  it('loses nothing and adds nothing: the result is the set union', () => {
    fc.assert(
      fc.property(decisionsArb, decisionsArb, (a, b) => {
        const merged = mergeDecisions(a, b)
        expect(asSet(merged)).toEqual(new Set([...asSet(a), ...asSet(b)]))
        expect(merged).toHaveLength(asSet(merged).size)
      }),
    )
  })

  it('is associative, so three reviewers can merge in any order', () => {
    fc.assert(
      fc.property(decisionsArb, decisionsArb, decisionsArb, (a, b, c) => {
        expect(mergeDecisions(mergeDecisions(a, b), c)).toEqual(mergeDecisions(a, mergeDecisions(b, c)))
      }),
    )
  })

  it('gives the same screening status whichever side imports whom', () => {
    fc.assert(
      fc.property(decisionsArb, decisionsArb, (a, b) => {
        const ab = computeScreeningStatus(mergeDecisions(a, b))
        const ba = computeScreeningStatus(mergeDecisions(b, a))
        expect(ab).toEqual(ba)
      }),
    )
  })
})

describe('mergeResolutions and mergeNotes', () => {
  it('deduplicate identical events imported twice', () => {
    const resolution: ScreeningResolution = {
      recordId: 'r1',
      stage: 'title-abstract',
      value: 'include',
      reason: '',
      resolvedBy: 'carol',
      resolvedAt: '2024-01-01T00:00:00Z',
    }
    expect(mergeResolutions([resolution], [{ ...resolution }])).toEqual([resolution])
    const note = { recordId: 'r1', text: 'see table 2', createdAt: '2024-01-01T00:00:00Z', reviewerId: 'ann' }
    const later = { ...note, createdAt: '2024-01-02T00:00:00Z' }
    expect(mergeNotes([later, note], [note])).toEqual([note, later])
  })
})

describe('mapIncomingRecordIds', () => {
  const at = '2024-01-01T00:00:00Z'
  const d = (recordId: string): ScreeningDecision => ({
    recordId,
    stage: 'title-abstract',
    reviewerId: 'bob',
    value: 'include',
    reason: '',
    decidedAt: at,
  })

  it('maps a teammate’s record ids to ours by fingerprint and counts what it cannot match', () => {
    const result = mapIncomingRecordIds(
      {
        decisions: [d('b1'), d('b2'), d('b3'), d('b4'), d('b4')],
        resolutions: [],
        notes: [{ recordId: 'b1', text: 'n', createdAt: at, reviewerId: 'bob' }],
        records: [
          { id: 'b1', fingerprint: 'doi:10.1/a' },
          { id: 'b2', fingerprint: 'pmid:42' },
          { id: 'b3', fingerprint: 'pmid:404' },
          { id: 'b4', fingerprint: '' },
        ],
      },
      [
        { id: 'l1', fingerprint: 'doi:10.1/a' },
        { id: 'l2', fingerprint: 'pmid:42' },
        { id: 'l3', fingerprint: '' },
      ],
    )
    expect(result.decisions.map((x) => x.recordId)).toEqual(['l1', 'l2'])
    expect(result.notes.map((x) => x.recordId)).toEqual(['l1'])
    expect(result.unmatched).toBe(2)
    expect(result.unmatchedRecordIds).toEqual(['b3', 'b4'])
  })

  it('does not guess between local duplicates, unless one has the same id', () => {
    const records = [
      { id: 'x', fingerprint: 'title:same|2020' },
      { id: 'y', fingerprint: 'title:same|2020' },
    ]
    const file = {
      decisions: [d('x'), d('z')],
      resolutions: [],
      notes: [],
      records: [
        { id: 'x', fingerprint: 'title:same|2020' },
        { id: 'z', fingerprint: 'title:same|2020' },
      ],
    }
    const result = mapIncomingRecordIds(file, records)
    expect(result.decisions.map((x) => x.recordId)).toEqual(['x'])
    expect(result.unmatchedRecordIds).toEqual(['z'])
  })
})
