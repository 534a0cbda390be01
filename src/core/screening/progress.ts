import type { ScreeningResolution, ScreeningStatus } from './status'
import { computeScreeningStatus, fullTextRecordIds, latestDecisions } from './status'
import type { ScreeningDecision, ScreeningStage } from './types'

/** The key exclusions without a reason are counted under (title/abstract exclusions usually have none). */
export const missingReasonLabel = 'No reason given'

/** Progress through one stage, for the whole team or for one reviewer. */
export type StageProgress = {
  stage: ScreeningStage
  /** Records to screen at this stage: all records at title/abstract, the eligible ones at full text. */
  total: number
  /** Records decided: by this reviewer, or (team) with any settled outcome or a conflict. */
  screened: number
  remaining: number
  include: number
  exclude: number
  maybe: number
  /** Open (unresolved) conflicts among the stage's records; for a reviewer, those they are part of. */
  conflicts: number
  /** Exclusions counted by reason (`missingReasonLabel` for none), sorted by count then name. */
  exclusionReasons: Record<string, number>
}

/** Inputs shared by the progress functions: plain arrays, so hooks can pass what they read from the database. */
export type ProgressInput = {
  /** Every record id of the project (after deduplication), in any order. */
  recordIds: readonly string[]
  decisions: readonly ScreeningDecision[]
  resolutions?: readonly ScreeningResolution[]
}

/**
 * "Screened N of M" and the counts per decision for one stage. Without `reviewerId` it counts the team's outcome
 * per record (resolutions decide; conflicts count as screened but under `conflicts`, not a decision); with it, that
 * reviewer's latest decisions. Full text counts only records eligible after title/abstract. Pass a precomputed
 * `status` to avoid recomputing it for several calls.
 */
export function stageProgress(
  input: ProgressInput,
  stage: ScreeningStage,
  reviewerId?: string,
  status: ScreeningStatus = computeScreeningStatus(input.decisions, input.resolutions),
): StageProgress {
  const pool =
    stage === 'title-abstract'
      ? [...new Set(input.recordIds)]
      : fullTextRecordIds(status, [...new Set(input.recordIds)])
  const progress: StageProgress = {
    stage,
    total: pool.length,
    screened: 0,
    remaining: 0,
    include: 0,
    exclude: 0,
    maybe: 0,
    conflicts: 0,
    exclusionReasons: {},
  }
  const stageStatus = status.byStage[stage]
  const own = reviewerId === undefined ? null : ownDecisions(input.decisions, stage, reviewerId)
  const reasons = new Map<string, number>()
  for (const recordId of pool) {
    const record = stageStatus.get(recordId)
    const isOpenConflict = record?.outcome === 'conflict'
    const decided = own ? own.get(recordId) : record
    const value = own ? own.get(recordId)?.value : record?.outcome
    if (!decided || value === undefined) continue
    progress.screened++
    if (isOpenConflict && (!own || record.decisions.some((d) => d.reviewerId === reviewerId)))
      progress.conflicts++
    if (value === 'conflict') continue
    progress[value]++
    if (value === 'exclude') increment(reasons, decided.reason.trim() || missingReasonLabel)
  }
  progress.remaining = progress.total - progress.screened
  progress.exclusionReasons = sortedCounts(reasons)
  return progress
}

function ownDecisions(
  decisions: readonly ScreeningDecision[],
  stage: ScreeningStage,
  reviewerId: string,
): Map<string, ScreeningDecision> {
  const own = decisions.filter((d) => d.stage === stage && d.reviewerId === reviewerId)
  return new Map(latestDecisions(own).map((d) => [d.recordId, d]))
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

/** Counts as a plain object whose key order is most frequent first (then by name), ready for display. */
function sortedCounts(counts: Map<string, number>): Record<string, number> {
  const entries = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries)
}

/** The screening boxes of a PRISMA 2020 flow diagram. */
export type PrismaScreeningCounts = {
  /** Records screened at title/abstract (settled: include, exclude or maybe). */
  recordsScreened: number
  recordsExcluded: number
  /** Records not yet settled at title/abstract (undecided or in conflict). */
  recordsAwaitingScreening: number
  /** Reports sought for retrieval: records included or maybe at title/abstract. */
  reportsSought: number
  /** Reports assessed for eligibility (settled at full text). */
  reportsAssessed: number
  /** Reports excluded at full text, by reason. */
  reportsExcluded: number
  reportsExcludedByReason: Record<string, number>
  /** Marked maybe at full text: PRISMA's "studies awaiting classification". */
  reportsAwaitingClassification: number
  /** Reports not yet settled at full text (undecided or in conflict). */
  reportsAwaitingAssessment: number
  /** Studies included in the review. */
  included: number
}

/**
 * The numbers PRISMA 2020 needs from screening, from the team's settled outcomes (resolutions decide; records
 * still in conflict are counted as awaiting, never as screened). A full-text exclusion for "Full text unavailable"
 * stays under `reportsExcludedByReason`; the diagram may show it as "reports not retrieved".
 */
export function prismaScreeningCounts(input: ProgressInput): PrismaScreeningCounts {
  const status = computeScreeningStatus(input.decisions, input.resolutions)
  const titleAbstract = stageProgress(input, 'title-abstract', undefined, status)
  const fullText = stageProgress(input, 'full-text', undefined, status)
  const settledTitleAbstract = titleAbstract.include + titleAbstract.exclude + titleAbstract.maybe
  const settledFullText = fullText.include + fullText.exclude + fullText.maybe
  return {
    recordsScreened: settledTitleAbstract,
    recordsExcluded: titleAbstract.exclude,
    recordsAwaitingScreening: titleAbstract.total - settledTitleAbstract,
    reportsSought: fullText.total,
    reportsAssessed: settledFullText,
    reportsExcluded: fullText.exclude,
    reportsExcludedByReason: fullText.exclusionReasons,
    reportsAwaitingClassification: fullText.maybe,
    reportsAwaitingAssessment: fullText.total - settledFullText,
    included: fullText.include,
  }
}
