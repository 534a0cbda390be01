import { describe, expect, it } from 'vitest'

import { poolProportions } from './meta-analysis'

/**
 * Published worked example: the ProMetaR vignette "Meta-Analysis of Proportions with ProMetaR" (CRAN, ProMetaR
 * 1.0.0), four studies with events 12, 25, 18, 40 of 100, 150, 120, 200, logit transform, REML. Its summary table
 * (whose header is shifted by one column against the values) gives the 95 % CI 0.1361–0.2034, τ² 0.0086,
 * Q 3.3643 on 3 df and I² 10.8286 %: the (Q − df)/Q form of I², which is what Sift reports for DerSimonian–Laird.
 */
const studies = [
  { events: 12, total: 100 },
  { events: 25, total: 150 },
  { events: 18, total: 120 },
  { events: 40, total: 200 },
]

describe('random-effects pooled proportion against a published example (ProMetaR vignette)', () => {
  it('REML: 95 % CI, τ² and Q agree to 4 decimals', () => {
    const { pooled } = poolProportions(studies, 'reml')
    expect(pooled?.ciLow).toBeCloseTo(0.1361, 4)
    expect(pooled?.ciHigh).toBeCloseTo(0.2034, 4)
    expect(pooled?.tau2).toBeCloseTo(0.0086, 4)
    expect(pooled?.q).toBeCloseTo(3.3643, 4)
    expect(pooled?.df).toBe(3)
  })

  it('DerSimonian–Laird: I² = (Q − df)/Q agrees to 4 decimals', () => {
    const { pooled } = poolProportions(studies, 'dl')
    expect(pooled?.i2).toBeCloseTo(10.8286, 4)
  })
})
