import { describe, expect, it } from 'vitest'
import { missingReasonLabel, prismaScreeningCounts, stageProgress } from './progress'
import type { ScreeningResolution } from './status'
import type { DecisionValue, ScreeningDecision, ScreeningStage } from './types'

const at = '2024-01-01T00:00:00Z'

function d(
  recordId: string,
  reviewerId: string,
  value: DecisionValue,
  stage: ScreeningStage = 'title-abstract',
  reason = '',
): ScreeningDecision {
  return { recordId, stage, reviewerId, value, reason, decidedAt: at }
}

// Ten records. Title/abstract: r1–r4 included by both, r5 maybe, r6–r7 excluded, r8 in conflict (resolved to
// include), r9 in open conflict, r10 undecided. Full text (r1–r5, r8 eligible): r1 included, r2 and r3 excluded
// for reasons, r4 in open reason conflict, r5 maybe, r8 undecided.
const recordIds = Array.from({ length: 10 }, (_, i) => `r${i + 1}`)
const decisions: ScreeningDecision[] = [
  ...['r1', 'r2', 'r3', 'r4'].flatMap((id) => [d(id, 'ann', 'include'), d(id, 'bob', 'include')]),
  d('r5', 'ann', 'maybe'),
  d('r6', 'ann', 'exclude'),
  d('r6', 'bob', 'exclude'),
  d('r7', 'bob', 'exclude'),
  d('r8', 'ann', 'include'),
  d('r8', 'bob', 'exclude'),
  d('r9', 'ann', 'maybe'),
  d('r9', 'bob', 'exclude'),
  d('r1', 'ann', 'include', 'full-text'),
  d('r2', 'ann', 'exclude', 'full-text', 'Wrong population'),
  d('r2', 'bob', 'exclude', 'full-text', 'Wrong population'),
  d('r3', 'bob', 'exclude', 'full-text', 'Wrong study design'),
  d('r4', 'ann', 'exclude', 'full-text', 'Wrong outcome'),
  d('r4', 'bob', 'exclude', 'full-text', 'No outcome data'),
  d('r5', 'ann', 'maybe', 'full-text'),
  // Not eligible for full text (excluded at title/abstract), so it must not be counted there.
  d('r6', 'ann', 'include', 'full-text'),
]
const resolutions: ScreeningResolution[] = [
  {
    recordId: 'r8',
    stage: 'title-abstract',
    value: 'include',
    reason: '',
    resolvedBy: 'carol',
    resolvedAt: at,
  },
]
const input = { recordIds, decisions, resolutions }

describe('stageProgress', () => {
  it('counts the team’s title/abstract outcomes', () => {
    expect(stageProgress(input, 'title-abstract')).toEqual({
      stage: 'title-abstract',
      total: 10,
      screened: 9,
      remaining: 1,
      include: 5,
      exclude: 2,
      maybe: 1,
      conflicts: 1,
      exclusionReasons: { [missingReasonLabel]: 2 },
    })
  })

  it('counts one reviewer’s own decisions', () => {
    expect(stageProgress(input, 'title-abstract', 'bob')).toMatchObject({
      total: 10,
      screened: 8,
      include: 4,
      exclude: 4,
      maybe: 0,
      conflicts: 1,
    })
  })

  it('counts full text over eligible records only, with reasons', () => {
    expect(stageProgress(input, 'full-text')).toEqual({
      stage: 'full-text',
      total: 6,
      screened: 5,
      remaining: 1,
      include: 1,
      exclude: 2,
      maybe: 1,
      conflicts: 1,
      exclusionReasons: { 'Wrong population': 1, 'Wrong study design': 1 },
    })
  })

  it('ignores duplicate record ids in the input', () => {
    expect(stageProgress({ recordIds: ['r1', 'r1'], decisions: [] }, 'title-abstract').total).toBe(1)
  })
})

describe('prismaScreeningCounts', () => {
  it('gives the PRISMA 2020 screening boxes', () => {
    expect(prismaScreeningCounts(input)).toEqual({
      recordsScreened: 8,
      recordsExcluded: 2,
      recordsAwaitingScreening: 2,
      reportsSought: 6,
      reportsAssessed: 4,
      reportsExcluded: 2,
      reportsExcludedByReason: { 'Wrong population': 1, 'Wrong study design': 1 },
      reportsAwaitingClassification: 1,
      reportsAwaitingAssessment: 2,
      included: 1,
    })
  })

  it('is all zeros for an empty project', () => {
    const counts = prismaScreeningCounts({ recordIds: [], decisions: [] })
    expect(counts.recordsScreened + counts.reportsSought + counts.included).toBe(0)
    expect(counts.reportsExcludedByReason).toEqual({})
  })
})
