import { describe, expect, it } from 'vitest'

import { normalisedLoss, simulationMetrics } from './metrics'

describe('simulationMetrics', () => {
  // N' = 10 records after the priors, k' = 2 includes, found at positions 1 and 4.
  const metrics = simulationMetrics([1, 0, 0, 1], 10, 2)

  it('computes WSS@95 in the Cohen and the ASReview 0.x forms', () => {
    // ⌈0.95 · 2⌉ = 2 includes needed → n95 = 4.
    expect(metrics.wss95).toBeCloseTo(0.95 - 4 / 10, 12)
    expect(metrics.wss95Asr0).toBeCloseTo(1 - 4 / 10, 12)
    expect(metrics.wss100).toBeCloseTo(0.6, 12)
    expect(metrics.recordsToLastInclude).toBe(4)
  })

  it("computes RRF@10 after ⌊0.1 N'⌋ records and ATD from 1-based positions", () => {
    expect(metrics.rrf10).toBe(0.5)
    expect(metrics.atdRecords).toBe(2.5)
    expect(metrics.atd).toBeCloseTo(0.25, 12)
  })

  it('computes the ASReview-insights loss by the trapezoid rule', () => {
    // c(i) = 1,1,1,2,…,2 → Σ = 17, area = 17 − (1 + 2)/2 = 15.5; best 20 − 0.5 − 2 = 17.5; worst 2.
    expect(metrics.loss).toBeCloseTo(2 / 15.5, 12)
    expect(normalisedLoss([1, 2], 10, 2)).toBe(0)
  })

  it("asks for ⌈0.95 k'⌉ includes without floating-point surprises", () => {
    const screened = Array.from({ length: 60 }, () => 1)
    const found57 = simulationMetrics(screened, 100, 60)
    expect(found57.wss95).toBeCloseTo(0.95 - 57 / 100, 12)
    const nine = simulationMetrics([1, 1, 1, 1, 1, 1, 1, 0, 1], 20, 8)
    // ⌈7.6⌉ = 8 includes: the 95 % point is the last include here, so the asr0 form uses recall 1.
    expect(nine.wss95).toBeCloseTo(0.95 - 9 / 20, 12)
    expect(nine.wss95Asr0).toBeCloseTo(1 - 9 / 20, 12)
  })

  it('counts includes never reached as found at the last record', () => {
    const partial = simulationMetrics([1], 4, 2)
    expect(partial.recordsToLastInclude).toBe(4)
    expect(partial.atdRecords).toBe(2.5)
  })

  it('gives NaN when there is no include beyond the priors', () => {
    expect(simulationMetrics([0, 0], 2, 0).wss95).toBeNaN()
  })
})
