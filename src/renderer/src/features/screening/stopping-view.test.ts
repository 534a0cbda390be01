import { describe, expect, it } from 'vitest'

import type { Decision } from '../../db/schema'
import { startingCheck, stoppingView } from './stopping-view'

const options = { targetRecall: 0.95, confidence: 0.95 }

function decision(index: number, value: Decision['value']): Decision {
  return {
    id: `d${index}`,
    projectId: 'p',
    recordId: `r${index}`,
    stage: 'title-abstract',
    reviewerId: 'ana',
    value,
    reason: '',
    decidedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
  }
}

describe('the stopping panel', () => {
  const ranked = [
    decision(1, 'include'),
    decision(2, 'exclude'),
    decision(3, 'maybe'),
    decision(4, 'exclude'),
    decision(5, 'exclude'),
  ]

  it('draws the recall curve in decision order and counts excludes since the last relevant record', () => {
    const view = stoppingView([...ranked].reverse(), null, options)
    expect(view).toMatchObject({ screened: 5, relevantFound: 2, excludedInARow: 2, check: null })
    expect(view.curve).toEqual([
      { screened: 0, relevantFound: 0 },
      { screened: 1, relevantFound: 1 },
      { screened: 3, relevantFound: 2 },
      { screened: 5, relevantFound: 2 },
    ])
  })

  it('counts only decisions after the check started as the random sample, and the test moves with it', () => {
    const check = startingCheck(ranked, 100, new Date(Date.UTC(2026, 0, 1, 0, 0, 5, 500)))
    expect(check).toMatchObject({ totalRecords: 100, rankedScreened: 5, rankedRelevant: 2 })
    const sample = Array.from({ length: 40 }, (_, index) => decision(10 + index, 'exclude'))
    const early = stoppingView([...ranked, ...sample.slice(0, 5)], check, options).check
    const late = stoppingView([...ranked, ...sample], check, options).check
    expect(early).toMatchObject({ sampled: 5, sampledRelevant: 0, urnSize: 95 })
    expect(late?.sampled).toBe(40)
    expect(late?.test.pValue ?? 1).toBeLessThan(early?.test.pValue ?? 0)
    expect(late?.moreToSample ?? 99).toBeLessThan(early?.moreToSample ?? 0)
    expect(early?.test.shouldStop).toBe(false)
  })

  it('a relevant record in the sample raises the estimate of what remains', () => {
    const check = startingCheck(ranked, 100, new Date(Date.UTC(2026, 0, 1, 0, 0, 5, 500)))
    const clean = Array.from({ length: 20 }, (_, index) => decision(10 + index, 'exclude'))
    const withHit = [...clean.slice(0, 19), decision(40, 'include')]
    const none = stoppingView([...ranked, ...clean], check, options).check
    const hit = stoppingView([...ranked, ...withHit], check, options).check
    expect(hit?.estimate.estimate ?? 0).toBeGreaterThan(none?.estimate.estimate ?? 0)
    expect(hit?.estimate.upperBound ?? 0).toBeGreaterThan(none?.estimate.upperBound ?? 0)
  })
})
