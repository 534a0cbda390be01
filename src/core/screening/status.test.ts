import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ScreeningResolution } from './status'
import {
  compareDecisions,
  compareTimestamps,
  computeScreeningStatus,
  eligibleForFullText,
  fullTextRecordIds,
  latestDecisions,
  openConflicts,
  outcomeOf,
} from './status'
import type { DecisionValue, ScreeningDecision, ScreeningStage } from './types'

function decision(
  recordId: string,
  reviewerId: string,
  value: DecisionValue,
  decidedAt: string,
  stage: ScreeningStage = 'title-abstract',
  reason = '',
): ScreeningDecision {
  return { recordId, stage, reviewerId, value, reason, decidedAt }
}

function resolution(
  recordId: string,
  value: DecisionValue,
  resolvedAt: string,
  stage: ScreeningStage = 'title-abstract',
  reason = '',
): ScreeningResolution {
  return { recordId, stage, value, reason, resolvedBy: 'carol', resolvedAt }
}

describe('latestDecisions', () => {
  it('keeps the latest decision per record, stage and reviewer, in any input order', () => {
    const events = [
      decision('r1', 'ann', 'include', '2024-01-01T10:00:00Z'),
      decision('r1', 'ann', 'exclude', '2024-01-01T11:00:00Z'),
      decision('r1', 'bob', 'maybe', '2024-01-01T09:00:00Z'),
      decision('r1', 'ann', 'maybe', '2024-01-01T10:30:00Z', 'full-text'),
    ]
    const latest = latestDecisions(events)
    expect(latest.map((d) => `${d.stage}/${d.reviewerId}/${d.value}`)).toEqual([
      'full-text/ann/maybe',
      'title-abstract/ann/exclude',
      'title-abstract/bob/maybe',
    ])
    expect(latestDecisions([...events].reverse())).toEqual(latest)
  })

  it('compares instants, not strings, so a time-zone offset does not fool it', () => {
    const earlier = decision('r1', 'ann', 'include', '2024-01-01T12:00:00+02:00')
    const later = decision('r1', 'ann', 'exclude', '2024-01-01T11:00:00Z')
    expect(latestDecisions([later, earlier])[0]?.value).toBe('exclude')
  })

  it('breaks ties on decidedAt the same way whatever the input order', () => {
    const events = fc.array(
      fc.record({
        recordId: fc.constantFrom('r1', 'r2'),
        stage: fc.constantFrom<ScreeningStage>('title-abstract', 'full-text'),
        reviewerId: fc.constantFrom('ann', 'bob'),
        value: fc.constantFrom<DecisionValue>('include', 'exclude', 'maybe'),
        reason: fc.constantFrom('', 'Wrong population', 'Wrong outcome'),
        decidedAt: fc.constantFrom('2024-01-01T10:00:00Z', '2024-01-01T10:00:00.000Z', 'garbage'),
      }),
    )
    fc.assert(
      fc.property(events, (list) => {
        expect(latestDecisions([...list].reverse())).toEqual(latestDecisions(list))
      }),
    )
  })
})

describe('compareTimestamps', () => {
  it('sorts unparseable timestamps before valid ones and equal instants by their text', () => {
    expect(compareTimestamps('nonsense', '2024-01-01T00:00:00Z')).toBeLessThan(0)
    expect(compareTimestamps('2024-01-01T00:00:00Z', '2024-01-01T00:00:00.000Z')).not.toBe(0)
  })
})

describe('computeScreeningStatus', () => {
  it('is undecided until someone decides', () => {
    const status = computeScreeningStatus([])
    expect(outcomeOf(status, 'r1', 'title-abstract')).toBe('undecided')
    expect(status.conflicts).toEqual([])
  })

  it('takes the value all deciding reviewers agree on, including a single reviewer', () => {
    const status = computeScreeningStatus([
      decision('r1', 'ann', 'include', '2024-01-01T10:00:00Z'),
      decision('r1', 'bob', 'include', '2024-01-01T10:05:00Z'),
      decision('r2', 'ann', 'exclude', '2024-01-01T10:00:00Z'),
    ])
    expect(outcomeOf(status, 'r1', 'title-abstract')).toBe('include')
    expect(outcomeOf(status, 'r2', 'title-abstract')).toBe('exclude')
    expect(status.conflicts).toEqual([])
  })

  it('reports a conflict when reviewers give different values', () => {
    const status = computeScreeningStatus([
      decision('r1', 'ann', 'include', '2024-01-01T10:00:00Z'),
      decision('r1', 'bob', 'exclude', '2024-01-01T10:05:00Z'),
    ])
    expect(outcomeOf(status, 'r1', 'title-abstract')).toBe('conflict')
    expect(status.conflicts).toHaveLength(1)
    expect(status.conflicts[0]).toMatchObject({ recordId: 'r1', kind: 'value', resolution: null })
    expect(status.conflicts[0]?.decisions.map((d) => d.reviewerId)).toEqual(['ann', 'bob'])
  })

  it('clears a conflict when a reviewer changes their mind', () => {
    const status = computeScreeningStatus([
      decision('r1', 'ann', 'include', '2024-01-01T10:00:00Z'),
      decision('r1', 'bob', 'exclude', '2024-01-01T10:05:00Z'),
      decision('r1', 'bob', 'include', '2024-01-02T08:00:00Z'),
    ])
    expect(outcomeOf(status, 'r1', 'title-abstract')).toBe('include')
    expect(status.conflicts).toEqual([])
  })

  it('treats two full-text exclusions with different reasons as a conflict', () => {
    const status = computeScreeningStatus([
      decision('r1', 'ann', 'exclude', '2024-01-01T10:00:00Z', 'full-text', 'Wrong population'),
      decision('r1', 'bob', 'exclude', '2024-01-01T10:05:00Z', 'full-text', 'Wrong outcome'),
      decision('r2', 'ann', 'exclude', '2024-01-01T10:00:00Z', 'full-text', 'Wrong outcome'),
      decision('r2', 'bob', 'exclude', '2024-01-01T10:05:00Z', 'full-text', ' wrong outcome'),
    ])
    expect(outcomeOf(status, 'r1', 'full-text')).toBe('conflict')
    expect(status.conflicts[0]?.kind).toBe('reason')
    expect(status.byStage['full-text'].get('r2')).toMatchObject({
      outcome: 'exclude',
      reason: 'Wrong outcome',
    })
  })

  it('does not treat different reasons at title/abstract as a conflict', () => {
    const status = computeScreeningStatus([
      decision('r1', 'ann', 'exclude', '2024-01-01T10:00:00Z', 'title-abstract', 'Wrong population'),
      decision('r1', 'bob', 'exclude', '2024-01-01T10:05:00Z', 'title-abstract', 'Wrong outcome'),
    ])
    expect(outcomeOf(status, 'r1', 'title-abstract')).toBe('exclude')
  })

  it('lets a resolution decide and keeps the conflict listed as resolved', () => {
    const status = computeScreeningStatus(
      [
        decision('r1', 'ann', 'exclude', '2024-01-01T10:00:00Z', 'full-text', 'Wrong population'),
        decision('r1', 'bob', 'include', '2024-01-01T10:05:00Z', 'full-text'),
      ],
      [
        resolution('r1', 'include', '2024-01-03T09:00:00Z', 'full-text'),
        resolution('r1', 'exclude', '2024-01-04T09:00:00Z', 'full-text', 'Wrong population'),
      ],
    )
    expect(status.byStage['full-text'].get('r1')).toMatchObject({
      outcome: 'exclude',
      reason: 'Wrong population',
    })
    expect(status.conflicts[0]?.resolution?.resolvedAt).toBe('2024-01-04T09:00:00Z')
    expect(openConflicts(status)).toEqual([])
  })

  it('settles every record as the rule says, whatever the mix of stages, reviewers, revisions and resolutions', () => {
    const stages: ScreeningStage[] = ['title-abstract', 'full-text']
    const decisionArb = fc.record({
      recordId: fc.constantFrom('r1', 'r2', 'r10', 'a'),
      stage: fc.constantFrom(...stages),
      reviewerId: fc.constantFrom('ann', 'bob', 'cy'),
      value: fc.constantFrom<DecisionValue>('include', 'exclude', 'maybe'),
      reason: fc.constantFrom('', 'Wrong population', 'wrong population '),
      decidedAt: fc.constantFrom('2024-01-01T10:00:00Z', '2024-01-02T10:00:00Z', '2024-01-03T10:00:00Z'),
    })
    const resolutionArb = fc.record({
      recordId: fc.constantFrom('r1', 'r10', 'z'),
      stage: fc.constantFrom(...stages),
      value: fc.constantFrom<DecisionValue>('include', 'exclude'),
      reason: fc.constant(''),
      resolvedBy: fc.constant('carol'),
      resolvedAt: fc.constantFrom('2024-02-01T10:00:00Z', '2024-02-02T10:00:00Z'),
    })
    fc.assert(
      fc.property(
        fc.array(decisionArb, { maxLength: 30 }),
        fc.array(resolutionArb, { maxLength: 4 }),
        (decisions, resolutions) => {
          const status = computeScreeningStatus(decisions, resolutions)
          // The rule, one record and stage at a time: each reviewer's latest decision, then a resolution decides,
          // else agreement does, else it is a conflict.
          const decided = [...new Set(decisions.map((d) => `${d.recordId} ${d.stage}`))]
          for (const stage of stages) {
            const expectedKeys = decided
              .filter((key) => key.endsWith(` ${stage}`))
              .map((key) => key.split(' ')[0] as string)
              .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
            for (const r of resolutions)
              if (r.stage === stage && !expectedKeys.includes(r.recordId)) expectedKeys.push(r.recordId)
            // Decided records in record order, then those only a resolution settled.
            expect([...status.byStage[stage].keys()]).toEqual(expectedKeys)
            for (const recordId of expectedKeys) {
              const own = decisions.filter((d) => d.recordId === recordId && d.stage === stage)
              const reviewers = [...new Set(own.map((d) => d.reviewerId))].sort()
              const latest = reviewers.map((reviewerId) =>
                own
                  .filter((d) => d.reviewerId === reviewerId)
                  .reduce((best, d) => (compareDecisions(d, best) > 0 ? d : best)),
              )
              const resolution = resolutions
                .filter((r) => r.recordId === recordId && r.stage === stage)
                .reduce<ScreeningResolution | null>(
                  (best, r) =>
                    !best ||
                    r.resolvedAt > best.resolvedAt ||
                    (r.resolvedAt === best.resolvedAt && r.value > best.value)
                      ? r
                      : best,
                  null,
                )
              const settled = status.byStage[stage].get(recordId)
              expect(settled?.decisions.map((d) => d.reviewerId)).toEqual(reviewers)
              expect(settled?.decisions.map((d) => d.decidedAt)).toEqual(latest.map((d) => d.decidedAt))
              const values = new Set(latest.map((d) => d.value))
              const reasons = new Set(latest.map((d) => d.reason.trim().toLowerCase()))
              const disagree =
                values.size > 1 ||
                (stage === 'full-text' && values.has('exclude') && values.size === 1 && reasons.size > 1)
              const conflict = status.conflicts.find((c) => c.recordId === recordId && c.stage === stage)
              expect(Boolean(conflict)).toBe(disagree)
              if (resolution) expect(settled?.outcome).toBe(resolution.value)
              else if (disagree) expect(settled?.outcome).toBe('conflict')
              else expect(settled?.outcome).toBe(latest[0]?.value)
            }
          }
        },
      ),
    )
  })

  it('lists title/abstract conflicts before full-text ones, each by record id', () => {
    const status = computeScreeningStatus([
      decision('r2', 'ann', 'include', 't', 'full-text'),
      decision('r2', 'bob', 'exclude', 't', 'full-text', 'Wrong outcome'),
      decision('r9', 'ann', 'include', 't'),
      decision('r9', 'bob', 'maybe', 't'),
      decision('r3', 'ann', 'include', 't'),
      decision('r3', 'bob', 'maybe', 't'),
    ])
    expect(status.conflicts.map((c) => `${c.stage}/${c.recordId}`)).toEqual([
      'title-abstract/r3',
      'title-abstract/r9',
      'full-text/r2',
    ])
  })
})

describe('eligibleForFullText', () => {
  it('passes included and maybe records only', () => {
    expect(eligibleForFullText('include')).toBe(true)
    expect(eligibleForFullText('maybe')).toBe(true)
    expect(eligibleForFullText('exclude')).toBe(false)
    expect(eligibleForFullText('conflict')).toBe(false)
    expect(eligibleForFullText('undecided')).toBe(false)
  })

  it('selects full-text records in the given order', () => {
    const status = computeScreeningStatus([
      decision('r1', 'ann', 'include', 't'),
      decision('r2', 'ann', 'exclude', 't'),
      decision('r3', 'ann', 'maybe', 't'),
    ])
    expect(fullTextRecordIds(status, ['r3', 'r2', 'r1', 'r4'])).toEqual(['r3', 'r1'])
  })
})
