import { describe, expect, it } from 'vitest'

import {
  logitStudy,
  poolProportions,
  tau2DerSimonianLaird,
  tau2Reml,
  type PooledProportion,
  type ProportionStudy,
} from './meta-analysis'

/*
 * Reference values. We could not obtain a published dataset's numbers offline, so each example below is a small
 * constructed one whose reference was computed with an independent implementation: Python/NumPy following
 * metafor's `escalc(measure = "PLO")` (0.5 added to both cells of a study with 0 or all events) and `rma()`,
 * with the REML τ² found by maximising the restricted log-likelihood directly (SciPy bounded scalar minimiser,
 * not Fisher scoring) — so a shared mistake in the iteration would not go unnoticed. z = qnorm(0.975).
 */

const studies = (pairs: [number, number][]): ProportionStudy[] =>
  pairs.map(([events, total]) => ({ events, total }))

function pooled(pairs: [number, number][], method: 'dl' | 'reml'): PooledProportion {
  const result = poolProportions(studies(pairs), method)
  if (result.pooled === null) throw new Error(result.reason)
  return result.pooled
}

/*
 * Example A, DerSimonian–Laird by hand (5 studies, no zero cells):
 *   events/total   yi = ln(x/(n−x))          vi = 1/x + 1/(n−x)        wi = 1/vi
 *   12/20          ln(12/8)  =  0.405465     1/12 + 1/8  = 0.208333    4.800000
 *   30/40          ln(30/10) =  1.098612     1/30 + 1/10 = 0.133333    7.500000
 *    9/30          ln(9/21)  = −0.847298     1/9 + 1/21  = 0.158730    6.300000
 *   25/28          ln(25/3)  =  2.120264     1/25 + 1/3  = 0.373333    2.678571
 *   40/60          ln(40/20) =  0.693147     1/40 + 1/20 = 0.075000   13.333333
 *   Σw = 34.611905, Σw² = 303.932523, Σwy = 19.769088 → fixed-effect mean 0.571164
 *   Q = Σw(y − 0.571164)² = 21.520308, df = 4, C = Σw − Σw²/Σw = 25.830749
 *   τ²(DL) = (21.520308 − 4) / 25.830749 = 0.678273
 *   random-effects w* = 1/(vi + τ²); μ = Σw*y / Σw* = 0.640305, SE = √(1/Σw*) = 0.414043
 *   pooled = expit(0.640305) = 0.654822; CI expit(0.640305 ∓ 1.959964 × 0.414043) = 0.457303 – 0.810278
 *   s² = (k−1)Σw / ((Σw)² − Σw²) = 0.154854; I² = 100 τ² / (τ² + s²) = 81.4129 % (= (Q − df)/Q)
 */
const exampleA: [number, number][] = [
  [12, 20],
  [30, 40],
  [9, 30],
  [25, 28],
  [40, 60],
]

describe('poolProportions', () => {
  it('matches the DerSimonian–Laird reference to 4 decimals (example A, worked by hand above)', () => {
    const result = pooled(exampleA, 'dl')
    expect(result.k).toBe(5)
    expect(result.q).toBeCloseTo(21.5203082109044, 4)
    expect(result.df).toBe(4)
    expect(result.tau2).toBeCloseTo(0.6782733294929161, 4)
    expect(result.logit).toBeCloseTo(0.6403052582564099, 4)
    expect(result.se).toBeCloseTo(0.4140432432570208, 4)
    expect(result.proportion).toBeCloseTo(0.6548224613921777, 4)
    expect(result.ciLow).toBeCloseTo(0.4573030932354195, 4)
    expect(result.ciHigh).toBeCloseTo(0.8102776229409444, 4)
    expect(result.i2).toBeCloseTo(81.41290561083513, 4)
    expect(result.i2).toBeCloseTo((100 * (result.q - result.df)) / result.q, 8)
  })

  it('matches the REML reference to 4 decimals (example A)', () => {
    const result = pooled(exampleA, 'reml')
    expect(result.tau2).toBeCloseTo(0.8609593870265123, 4)
    expect(result.proportion).toBeCloseTo(0.6566062108759831, 4)
    expect(result.ciLow).toBeCloseTo(0.4387174337484036, 4)
    expect(result.ciHigh).toBeCloseTo(0.8238687996285222, 4)
    expect(result.i2).toBeCloseTo(84.75564785915893, 4)
    expect(result.q).toBeCloseTo(21.5203082109044, 4)
    expect(result.iterations).toBeGreaterThan(0)
  })

  it('applies the 0.5 continuity correction to studies with 0 or all events only (example C)', () => {
    // 0/15 → ln(0.5/15.5) = −3.433987, v = 1/0.5 + 1/15.5 = 2.064516; 12/12 → ln(12.5/0.5) = 3.218876.
    const zero = logitStudy({ events: 0, total: 15 })
    expect(zero.isCorrected).toBe(true)
    expect(zero.yi).toBeCloseTo(-3.433987, 6)
    expect(zero.vi).toBeCloseTo(2.064516, 6)
    expect(zero.proportion).toBe(0)
    expect(logitStudy({ events: 12, total: 12 }).yi).toBeCloseTo(3.218876, 6)
    expect(logitStudy({ events: 5, total: 20 }).isCorrected).toBe(false)

    const pairs: [number, number][] = [
      [0, 15],
      [12, 12],
      [5, 20],
      [8, 10],
    ]
    const dl = pooled(pairs, 'dl')
    expect(dl.corrected).toBe(2)
    expect(dl.q).toBeCloseTo(17.649617697966868, 4)
    expect(dl.tau2).toBeCloseTo(4.058935081348347, 4)
    expect(dl.proportion).toBeCloseTo(0.5017946526174673, 4)
    expect(dl.ciLow).toBeCloseTo(0.09751602248350874, 4)
    expect(dl.ciHigh).toBeCloseTo(0.9037402328830585, 4)
    expect(dl.i2).toBeCloseTo(83.00246469165401, 4)
    const reml = pooled(pairs, 'reml')
    expect(reml.tau2).toBeCloseTo(5.952875255564917, 4)
    expect(reml.proportion).toBeCloseTo(0.5028947748588407, 4)
    expect(reml.ciLow).toBeCloseTo(0.0689578702206966, 4)
    expect(reml.ciHigh).toBeCloseTo(0.9325142044391701, 4)
    expect(reml.i2).toBeCloseTo(87.74773944725008, 4)
  })

  it('gives τ² = 0 and I² = 0 when studies agree more than chance predicts (example B)', () => {
    // 10/20, 11/20, 9/20: Q = 0.398660 < df = 2, so τ²(DL) truncates to 0 and REML's maximum is at 0.
    for (const method of ['dl', 'reml'] as const) {
      const result = pooled(
        [
          [10, 20],
          [11, 20],
          [9, 20],
        ],
        method,
      )
      expect(result.tau2).toBe(0)
      expect(result.i2).toBe(0)
      expect(result.q).toBeCloseTo(0.3986604073709079, 4)
      expect(result.proportion).toBeCloseTo(0.5, 10)
      expect(result.ciLow).toBeCloseTo(0.3757197480662404, 4)
      expect(result.ciHigh).toBeCloseTo(0.6242802519337596, 4)
    }
  })

  it('REML equals DL for two studies (a known identity), example E', () => {
    const dl = pooled(
      [
        [5, 10],
        [45, 50],
      ],
      'dl',
    )
    const reml = pooled(
      [
        [5, 10],
        [45, 50],
      ],
      'reml',
    )
    expect(dl.tau2).toBeCloseTo(2.1027868105140533, 4)
    expect(reml.tau2).toBeCloseTo(dl.tau2, 8)
    expect(reml.proportion).toBeCloseTo(0.757508365, 4)
  })

  it('does not pool a single study, nor invalid counts', () => {
    expect(poolProportions(studies([[3, 10]]), 'dl')).toEqual({
      pooled: null,
      reason: 'fewer-than-two-studies',
    })
    expect(poolProportions([], 'reml').reason).toBe('fewer-than-two-studies')
    // 12/10, 3/0 and NaN are not proportions; one valid study remains.
    const invalid = studies([
      [12, 10],
      [3, 0],
      [Number.NaN, 5],
      [4, 9],
    ])
    expect(poolProportions(invalid, 'dl').pooled).toBeNull()
  })

  it('stays finite and inside 0–1 when every study has 0 events or every study has all events', () => {
    const none = pooled(
      [
        [0, 10],
        [0, 25],
      ],
      'reml',
    )
    expect(none.corrected).toBe(2)
    expect(none.proportion).toBeGreaterThan(0)
    expect(none.ciHigh).toBeLessThan(0.25)
    const all = pooled(
      [
        [10, 10],
        [25, 25],
      ],
      'reml',
    )
    expect(all.proportion).toBeLessThan(1)
    // The logit scale is symmetric: all events mirrors no events.
    expect(all.proportion).toBeCloseTo(1 - none.proportion, 10)
    expect(all.ciLow).toBeCloseTo(1 - none.ciHigh, 10)
  })
})

describe('τ² estimators', () => {
  it('REML converges to a fixed point of the score equation', () => {
    const logits = studies(exampleA).map(logitStudy)
    const ys = logits.map((s) => s.yi)
    const vs = logits.map((s) => s.vi)
    const reml = tau2Reml(ys, vs)
    expect(reml).not.toBeNull()
    expect(reml?.iterations).toBeLessThan(100)
    expect(tau2DerSimonianLaird(ys, vs)).toBeCloseTo(0.678273, 6)
  })
})
