import { describe, expect, it } from 'vitest'

import { hypergeometricCdf, hypergeometricPmf, logChoose, logGamma } from './hypergeometric'

describe('hypergeometric distribution', () => {
  it('matches ln Γ at integers and one half', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13)
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13)
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13)
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9)
  })

  it('computes binomial coefficients in log space', () => {
    expect(Math.exp(logChoose(10, 3))).toBeCloseTo(120, 9)
    expect(logChoose(3, 4)).toBe(-Infinity)
  })

  it('gives hand-computed probabilities', () => {
    // 10 records, 3 includes, 2 drawn: P(X = 1) = C(3,1)·C(7,1)/C(10,2) = 21/45; P(X ≤ 0) = C(7,2)/C(10,2) = 21/45.
    expect(hypergeometricPmf(1, 10, 3, 2)).toBeCloseTo(21 / 45, 12)
    expect(hypergeometricCdf(0, 10, 3, 2)).toBeCloseTo(21 / 45, 12)
    expect(hypergeometricCdf(1, 10, 3, 2)).toBeCloseTo(1 - 3 / 45, 12)
    expect(hypergeometricCdf(2, 10, 3, 2)).toBe(1)
  })

  it('stays accurate for a large population', () => {
    // P(X = 0) for 1,000,000 records, 10 includes, 100,000 drawn = Π (900000 − i)/(1000000 − i), i < 10.
    let product = 1
    for (let i = 0; i < 10; i++) product *= (900_000 - i) / (1_000_000 - i)
    // ln Γ(10⁶) ≈ 1.3e7, so double precision leaves about 1e-9 relative error: plenty for a stopping rule.
    expect(Math.abs(hypergeometricCdf(0, 1_000_000, 10, 100_000) / product - 1)).toBeLessThan(1e-8)
  })
})
