/** The two screening stages, in order. Full text sees only records included (or maybe) at title/abstract. */
export type ScreeningStage = 'title-abstract' | 'full-text'

export type DecisionValue = 'include' | 'exclude' | 'maybe'

/** One reviewer's decision on one record at one stage. The latest per (record, stage, reviewer) counts. */
export type ScreeningDecision = {
  recordId: string
  stage: ScreeningStage
  reviewerId: string
  value: DecisionValue
  /** Exclusion reason (required for full-text exclusions), `''` otherwise. */
  reason: string
  /** ISO 8601 timestamp. */
  decidedAt: string
}
