import { latestDecisions } from './status'
import type { DecisionValue, ScreeningDecision, ScreeningStage } from './types'

/**
 * `'three-category'` compares include / exclude / maybe as given; `'binary'` folds maybe into include (both move a
 * record on to full text), which is the comparison most reviews report.
 */
export type AgreementMode = 'three-category' | 'binary'

/** Cohen's kappa with its large-sample standard error and 95 % confidence interval. */
export type KappaEstimate = {
  kappa: number
  /** Agreement expected by chance from the two reviewers' marginal totals, 0–1. */
  expectedAgreement: number
  /** Large-sample (non-null) standard error of Fleiss, Cohen & Everitt (1969). */
  standardError: number
  /** 95 % CI lower bound, κ − 1.96·SE, clamped to [−1, 1]. */
  lower: number
  /** 95 % CI upper bound, κ + 1.96·SE, clamped to [−1, 1]. */
  upper: number
}

/** Why kappa could not be computed even though the reviewers overlap. */
export type KappaUnavailableReason = 'single-category'

/** Agreement between two reviewers over the records both decided at one stage. */
export type Agreement = {
  mode: AgreementMode
  /** Category labels, in the order of the table's rows and columns. */
  categories: readonly string[]
  /** Contingency table of counts: `table[i][j]` = reviewer A said `categories[i]`, reviewer B `categories[j]`. */
  table: number[][]
  /** Number of records both reviewers decided. */
  n: number
  /** Records on which they gave the same category. */
  agreed: number
  /** Observed agreement as a proportion, 0–1. */
  observedAgreement: number
  /** Observed agreement in percent, 0–100. */
  percentAgreement: number
  /** Null when kappa is undefined; see `kappaUnavailableReason`. */
  kappa: KappaEstimate | null
  /**
   * `'single-category'`: both reviewers put every record in the same one category, so chance agreement is 1 and
   * kappa = 0/0 is undefined (not 1: there is no evidence they would agree on anything else).
   */
  kappaUnavailableReason: KappaUnavailableReason | null
}

const threeCategories: readonly DecisionValue[] = ['include', 'exclude', 'maybe']
const binaryCategories = ['include or maybe', 'exclude'] as const

/** z for a two-sided 95 % interval. */
const z95 = 1.959963984540054

/**
 * Cohen's kappa (1960) for a square contingency table of counts, with the large-sample standard error of Fleiss,
 * Cohen & Everitt (1969), Psychological Bulletin 72:323–327 (the "asymptotic SE" most packages report; it does not
 * assume κ = 0), and a Wald 95 % CI clamped to [−1, 1].
 * Returns null when the table is empty or chance agreement is 1 (a single category used by both), where kappa is
 * undefined.
 */
export function cohensKappa(table: readonly (readonly number[])[]): KappaEstimate | null {
  const k = table.length
  const n = sum(table.map(sum))
  if (n === 0) return null
  const p = table.map((row) => row.map((count) => count / n))
  const rows = p.map(sum)
  const cols = Array.from({ length: k }, (_, j) => sum(p.map((row) => row[j] ?? 0)))
  let observed = 0
  let expected = 0
  for (let i = 0; i < k; i++) {
    observed += p[i]?.[i] ?? 0
    expected += (rows[i] ?? 0) * (cols[i] ?? 0)
  }
  // Guard against 0.9999999999 from rounding as well as an exact 1.
  if (1 - expected < 1e-12) return null
  const kappa = (observed - expected) / (1 - expected)
  const standardError = fleissCohenEverittSe(p, rows, cols, kappa, expected, n)
  return {
    kappa,
    expectedAgreement: expected,
    standardError,
    lower: clamp(kappa - z95 * standardError),
    upper: clamp(kappa + z95 * standardError),
  }
}

/**
 * var(κ) = [ Σᵢ pᵢᵢ(1 − (pᵢ. + p.ᵢ)(1 − κ))² + (1 − κ)² Σᵢ≠ⱼ pᵢⱼ(p.ᵢ + pⱼ.)² − (κ − pₑ(1 − κ))² ] / (n(1 − pₑ)²)
 */
function fleissCohenEverittSe(
  p: number[][],
  rows: number[],
  cols: number[],
  kappa: number,
  expected: number,
  n: number,
): number {
  const k = p.length
  let diagonal = 0
  let offDiagonal = 0
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const pij = p[i]?.[j] ?? 0
      if (i === j) diagonal += pij * (1 - ((rows[i] ?? 0) + (cols[i] ?? 0)) * (1 - kappa)) ** 2
      else offDiagonal += pij * ((cols[i] ?? 0) + (rows[j] ?? 0)) ** 2
    }
  }
  const numerator = diagonal + (1 - kappa) ** 2 * offDiagonal - (kappa - expected * (1 - kappa)) ** 2
  // Perfect agreement gives a numerator of 0 up to rounding, which may dip below it.
  return Math.sqrt(Math.max(0, numerator) / (n * (1 - expected) ** 2))
}

/**
 * Agreement between reviewers A and B at one stage, over the records both decided (each reviewer's latest
 * decision counts; records only one of them decided are left out). Returns null when they have no record in
 * common. Resolutions are ignored: agreement describes the independent decisions.
 */
export function reviewerAgreement(
  decisions: readonly ScreeningDecision[],
  stage: ScreeningStage,
  reviewerA: string,
  reviewerB: string,
  mode: AgreementMode = 'three-category',
): Agreement | null {
  const categories: readonly string[] = mode === 'binary' ? binaryCategories : threeCategories
  const indexOf = (value: DecisionValue): number =>
    mode === 'binary' ? (value === 'exclude' ? 1 : 0) : threeCategories.indexOf(value)
  const byA = new Map<string, DecisionValue>()
  const byB = new Map<string, DecisionValue>()
  for (const decision of latestDecisions(decisions)) {
    if (decision.stage !== stage) continue
    if (decision.reviewerId === reviewerA) byA.set(decision.recordId, decision.value)
    else if (decision.reviewerId === reviewerB) byB.set(decision.recordId, decision.value)
  }
  const table = categories.map(() => categories.map(() => 0))
  let n = 0
  for (const [recordId, valueA] of byA) {
    const valueB = byB.get(recordId)
    if (valueB === undefined) continue
    const row = table[indexOf(valueA)]
    if (row) row[indexOf(valueB)] = (row[indexOf(valueB)] ?? 0) + 1
    n++
  }
  if (n === 0) return null
  return summarise(mode, categories, table, n)
}

function summarise(
  mode: AgreementMode,
  categories: readonly string[],
  table: number[][],
  n: number,
): Agreement {
  const agreed = sum(table.map((row, i) => row[i] ?? 0))
  const kappa = cohensKappa(table)
  return {
    mode,
    categories,
    table,
    n,
    agreed,
    observedAgreement: agreed / n,
    percentAgreement: (100 * agreed) / n,
    kappa,
    kappaUnavailableReason: kappa ? null : 'single-category',
  }
}

function sum(values: readonly number[]): number {
  let total = 0
  for (const value of values) total += value
  return total
}

function clamp(value: number): number {
  return Math.min(1, Math.max(-1, value))
}
