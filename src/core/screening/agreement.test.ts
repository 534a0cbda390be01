import { describe, expect, it } from 'vitest'
import { cohensKappa, reviewerAgreement } from './agreement'
import type { DecisionValue, ScreeningDecision, ScreeningStage } from './types'

/** Decisions of reviewers `a` and `b` that reproduce a contingency table (rows: a, columns: b). */
function decisionsFromTable(
  table: number[][],
  categories: DecisionValue[],
  stage: ScreeningStage = 'title-abstract',
): ScreeningDecision[] {
  const decisions: ScreeningDecision[] = []
  let record = 0
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let c = 0; c < count; c++) {
        const recordId = `r${record++}`
        const at = '2024-01-01T00:00:00Z'
        const base = { recordId, stage, reason: '', decidedAt: at }
        decisions.push({ ...base, reviewerId: 'a', value: categories[i] ?? 'include' })
        decisions.push({ ...base, reviewerId: 'b', value: categories[j] ?? 'include' })
      }
    }),
  )
  return decisions
}

describe('cohensKappa', () => {
  it('matches the textbook 2×2 example (20, 5 / 10, 15 → κ = 0.40)', () => {
    // n = 50; p_o = 35/50 = 0.70; rows 0.5/0.5, columns 0.6/0.4; p_e = 0.5·0.6 + 0.5·0.4 = 0.50;
    // κ = (0.70 − 0.50) / (1 − 0.50) = 0.40.
    // Fleiss–Cohen–Everitt variance, by hand (1 − κ = 0.6):
    //   diagonal: 0.4·(1 − 1.1·0.6)² + 0.3·(1 − 0.9·0.6)² = 0.04624 + 0.06348 = 0.10972
    //   off-diagonal: 0.36·[0.1·(0.6 + 0.5)² + 0.2·(0.4 + 0.5)²] = 0.36·0.283 = 0.10188
    //   correction: (0.4 − 0.5·0.6)² = 0.01
    //   var = (0.10972 + 0.10188 − 0.01) / (50·0.25) = 0.016128 → SE = 0.126996
    //   95 % CI = 0.40 ± 1.95996·0.126996 = [0.15109, 0.64891]
    // (Cohen's 1960 SE would be √(0.7·0.3 / (50·0.25)) = 0.129615.)
    const result = cohensKappa([
      [20, 5],
      [10, 15],
    ])
    expect(result?.kappa).toBeCloseTo(0.4, 10)
    expect(result?.expectedAgreement).toBeCloseTo(0.5, 10)
    expect(result?.standardError).toBeCloseTo(0.126996, 6)
    expect(result?.lower).toBeCloseTo(0.15109, 5)
    expect(result?.upper).toBeCloseTo(0.64891, 5)
  })

  it.each([
    // Wikipedia's other two worked examples: same p_o = 0.60, different marginals.
    [[45, 15, 25, 15], 0.130435],
    [[25, 35, 5, 35], 0.259259],
  ])('matches the worked example %j (κ = %d)', ([a, b, c, d], kappa) => {
    expect(
      cohensKappa([
        [a ?? 0, b ?? 0],
        [c ?? 0, d ?? 0],
      ])?.kappa,
    ).toBeCloseTo(kappa, 6)
  })

  it('handles three categories', () => {
    // n = 44, diagonal 10 + 20 + 5 = 35 → p_o = 35/44. Rows 13, 25, 6; columns 13, 23, 8.
    // p_e = (13·13 + 25·23 + 6·8) / 44² = 792/1936. κ = (1540 − 792) / (1936 − 792) = 748/1144 = 17/26.
    const result = cohensKappa([
      [10, 2, 1],
      [3, 20, 2],
      [0, 1, 5],
    ])
    expect(result?.kappa).toBeCloseTo(17 / 26, 10)
    expect(result?.standardError).toBeCloseTo(0.1024983, 6)
  })

  it('is undefined (null) when both reviewers used one and the same category', () => {
    expect(
      cohensKappa([
        [12, 0],
        [0, 0],
      ]),
    ).toBeNull()
    expect(
      cohensKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull()
  })

  it('gives κ = 1 with a zero-width interval for perfect agreement over two categories', () => {
    const result = cohensKappa([
      [7, 0],
      [0, 3],
    ])
    expect(result?.kappa).toBeCloseTo(1, 10)
    expect(result?.standardError).toBeCloseTo(0, 10)
    expect(result?.upper).toBeLessThanOrEqual(1)
  })
})

describe('reviewerAgreement', () => {
  it('builds the table from both reviewers’ latest decisions', () => {
    const decisions = decisionsFromTable(
      [
        [20, 5],
        [10, 15],
      ],
      ['include', 'exclude'],
    )
    const result = reviewerAgreement(decisions, 'title-abstract', 'a', 'b')
    expect(result).toMatchObject({ n: 50, agreed: 35, observedAgreement: 0.7, percentAgreement: 70 })
    expect(result?.table).toEqual([
      [20, 5, 0],
      [10, 15, 0],
      [0, 0, 0],
    ])
    expect(result?.kappa?.kappa).toBeCloseTo(0.4, 10)
  })

  it('folds maybe into include in binary mode', () => {
    const decisions = decisionsFromTable(
      [
        [10, 2, 1],
        [3, 20, 2],
        [0, 1, 5],
      ],
      ['include', 'exclude', 'maybe'],
    )
    const result = reviewerAgreement(decisions, 'title-abstract', 'a', 'b', 'binary')
    // include+maybe vs exclude: [[10+1+0+5, 2+1], [3+2, 20]] = [[16, 3], [5, 20]].
    expect(result?.table).toEqual([
      [16, 3],
      [5, 20],
    ])
    expect(result?.categories).toEqual(['include or maybe', 'exclude'])
  })

  it('counts only records both reviewers decided, at the requested stage', () => {
    const at = '2024-01-01T00:00:00Z'
    const decisions: ScreeningDecision[] = [
      {
        recordId: 'r1',
        stage: 'title-abstract',
        reviewerId: 'a',
        value: 'include',
        reason: '',
        decidedAt: at,
      },
      {
        recordId: 'r1',
        stage: 'title-abstract',
        reviewerId: 'b',
        value: 'exclude',
        reason: '',
        decidedAt: at,
      },
      {
        recordId: 'r1',
        stage: 'title-abstract',
        reviewerId: 'b',
        value: 'include',
        reason: '',
        decidedAt: '2024-02-01',
      },
      {
        recordId: 'r2',
        stage: 'title-abstract',
        reviewerId: 'a',
        value: 'include',
        reason: '',
        decidedAt: at,
      },
      { recordId: 'r3', stage: 'full-text', reviewerId: 'b', value: 'include', reason: '', decidedAt: at },
    ]
    const result = reviewerAgreement(decisions, 'title-abstract', 'a', 'b')
    expect(result?.n).toBe(1)
    expect(result?.agreed).toBe(1)
    expect(result?.kappa).toBeNull()
    expect(result?.kappaUnavailableReason).toBe('single-category')
  })

  it('returns null when the reviewers have no record in common', () => {
    const decisions = decisionsFromTable([[3]], ['include'])
    expect(reviewerAgreement(decisions, 'full-text', 'a', 'b')).toBeNull()
    expect(reviewerAgreement(decisions, 'title-abstract', 'a', 'c')).toBeNull()
  })
})
