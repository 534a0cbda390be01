import { describe, expect, it } from 'vitest'

import {
  additionalSampleToStop,
  consecutiveIrrelevant,
  estimateRemainingRelevant,
  hypergeometricStoppingTest,
  recallCurve,
} from './stopping'

/** P(no include among n drawn from an urn of 500 with 6 includes), by hand. */
function noneOf6(n: number): number {
  let product = 1
  for (let i = 0; i < 6; i++) product *= (500 - n - i) / (500 - i)
  return product
}

describe('recall curve and runs of excludes', () => {
  it('lists the origin, every include and the last record', () => {
    expect(recallCurve([0, 1, 0, 0, 1, 0, 0])).toEqual([
      { screened: 0, relevantFound: 0 },
      { screened: 2, relevantFound: 1 },
      { screened: 5, relevantFound: 2 },
      { screened: 7, relevantFound: 2 },
    ])
    expect(recallCurve([])).toEqual([{ screened: 0, relevantFound: 0 }])
  })

  it('counts the excludes since the last include', () => {
    expect(consecutiveIrrelevant([1, 0, 1, 0, 0, 0])).toBe(3)
    expect(consecutiveIrrelevant([0, 0])).toBe(2)
    expect(consecutiveIrrelevant([0, 1])).toBe(0)
  })
})

describe('hypergeometric stopping test (Callaghan & Müller-Hansen 2020)', () => {
  // 1,000 records; 500 screened by rank with 95 includes; then a random sample of the other 500.
  const base = { totalRecords: 1000, rankedScreened: 500, rankedRelevant: 95, sampled: 0, sampledRelevant: 0 }

  it('tests recall < 95 % against the fewest includes that would make it true', () => {
    // K_tar = ⌊95/0.95 − 95⌋ + 1 = 6 includes in the urn of 500.
    const test = hypergeometricStoppingTest({ ...base, sampled: 200 })
    expect(test.relevantUnderNull).toBe(6)
    expect(test.urnSize).toBe(500)
    expect(test.pValue).toBeCloseTo(noneOf6(200), 12)
    expect(test.shouldStop).toBe(true)
    expect(hypergeometricStoppingTest({ ...base, sampled: 190 }).shouldStop).toBe(false)
  })

  it('never stops before a sample, and not when the sample holds includes', () => {
    expect(hypergeometricStoppingTest(base).pValue).toBe(1)
    const withIncludes = hypergeometricStoppingTest({ ...base, sampled: 200, sampledRelevant: 3 })
    expect(withIncludes.shouldStop).toBe(false)
  })

  it('says how many more random excludes are needed', () => {
    // By hand: P(X = 0) is 0.0505 after 195 draws and 0.0495 after 196.
    expect(noneOf6(195)).toBeGreaterThan(0.05)
    expect(noneOf6(196)).toBeLessThan(0.05)
    expect(additionalSampleToStop(base)).toBe(196)
    expect(additionalSampleToStop({ ...base, sampled: 150 })).toBe(46)
    expect(additionalSampleToStop({ ...base, sampled: 250 })).toBe(0)
  })

  it('rejects impossible counts', () => {
    expect(() => hypergeometricStoppingTest({ ...base, sampled: 600 })).toThrow(RangeError)
    expect(() => hypergeometricStoppingTest({ ...base, rankedRelevant: -1 })).toThrow(RangeError)
  })
})

describe('estimate of includes remaining', () => {
  const urn = { totalRecords: 150, rankedScreened: 50, rankedRelevant: 20 }

  it('bounds the urn with an exact hypergeometric bound', () => {
    // Urn 100, sample 50 without includes: P(X = 0 | K = 4) = 0.0587 ≥ 0.05, K = 5 gives 0.0281.
    const none = estimateRemainingRelevant({ ...urn, sampled: 50, sampledRelevant: 0 })
    expect(none.estimate).toBe(0)
    expect(none.upperBound).toBe(4)
    expect(none.recallLowerBound).toBeCloseTo(20 / 24, 12)
    // Two includes in the sample: K ≤ 9 by hand; 2 of them are found already.
    const two = estimateRemainingRelevant({ ...urn, sampled: 50, sampledRelevant: 2 })
    expect(two.estimate).toBe(2)
    expect(two.upperBound).toBe(7)
    expect(two.method).toMatch(/random sample of 50 of 100/)
  })

  it('knows nothing without a sample', () => {
    const none = estimateRemainingRelevant({ ...urn, sampled: 0, sampledRelevant: 0 })
    expect(none.estimate).toBeNaN()
    expect(none.upperBound).toBe(100)
  })
})
