import type { DecisionValue, ScreeningDecision, ScreeningStage } from './types'

/** A decision that settles a conflict (by discussion or a third reviewer). The latest per (record, stage) counts. */
export type ScreeningResolution = {
  recordId: string
  stage: ScreeningStage
  value: DecisionValue
  /** Exclusion reason (required for full-text exclusions), `''` otherwise. */
  reason: string
  /** Reviewer id of whoever settled it. */
  resolvedBy: string
  /** ISO 8601 timestamp. */
  resolvedAt: string
}

/** Where a record stands at one stage once every reviewer's latest decision and any resolution are taken into account. */
export type StageOutcome = 'undecided' | DecisionValue | 'conflict'

/** Why reviewers disagree: different values, or (full text only) two exclusions with different reasons. */
export type ConflictKind = 'value' | 'reason'

/** A disagreement between reviewers on one record at one stage, resolved or not. */
export type ScreeningConflict = {
  recordId: string
  stage: ScreeningStage
  kind: ConflictKind
  /** The latest decision of each reviewer involved, ordered by reviewer id. */
  decisions: ScreeningDecision[]
  /** The resolution that settles it, or null while it is open. */
  resolution: ScreeningResolution | null
}

/** The settled state of one record at one stage. */
export type RecordStageStatus = {
  recordId: string
  stage: ScreeningStage
  outcome: Exclude<StageOutcome, 'undecided'>
  /** The exclusion reason that counts (resolution's, or the agreed one); `''` when none. */
  reason: string
  /** The latest decision of each reviewer, ordered by reviewer id. */
  decisions: ScreeningDecision[]
  resolution: ScreeningResolution | null
}

/** Status of every record that has at least one decision or resolution, per stage, plus every conflict. */
export type ScreeningStatus = {
  byStage: Record<ScreeningStage, ReadonlyMap<string, RecordStageStatus>>
  /** All disagreements, resolved or open, ordered by stage then record id. Open ones have `resolution: null`. */
  conflicts: ScreeningConflict[]
}

/**
 * Orders ISO timestamps by the instant they denote, falling back to plain string order so the order is total
 * (equal instants written differently, or unparseable strings, still compare deterministically). Unparseable
 * timestamps sort before every valid one.
 */
export function compareTimestamps(a: string, b: string): number {
  const ta = Date.parse(a)
  const tb = Date.parse(b)
  const validA = Number.isFinite(ta)
  const validB = Number.isFinite(tb)
  if (validA !== validB) return validA ? 1 : -1
  if (validA && ta !== tb) return ta - tb
  return compareStrings(a, b)
}

/** Code-unit string order, independent of locale (so results are the same on every machine). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Total order on decisions: by time, then value, then reason. Ties on time are broken by the other fields so that
 * "the latest decision" does not depend on the order events arrived in (two machines must agree after a merge).
 */
export function compareDecisions(a: ScreeningDecision, b: ScreeningDecision): number {
  return (
    compareTimestamps(a.decidedAt, b.decidedAt) ||
    compareStrings(a.value, b.value) ||
    compareStrings(a.reason, b.reason)
  )
}

function compareResolutions(a: ScreeningResolution, b: ScreeningResolution): number {
  return (
    compareTimestamps(a.resolvedAt, b.resolvedAt) ||
    compareStrings(a.value, b.value) ||
    compareStrings(a.reason, b.reason) ||
    compareStrings(a.resolvedBy, b.resolvedBy)
  )
}

function stageKey(recordId: string, stage: ScreeningStage): string {
  // NUL cannot occur in ids we make, so the joined key is unambiguous.
  return `${stage}\u0000${recordId}`
}

/**
 * The latest decision per (record, stage, reviewer), in any input order; ties on `decidedAt` are broken by
 * {@link compareDecisions}. Returned ordered by record id, stage, then reviewer id.
 */
export function latestDecisions(decisions: readonly ScreeningDecision[]): ScreeningDecision[] {
  return latestByRecord(decisions).flatMap(([, latest]) => latest)
}

/**
 * {@link latestDecisions} per record: [record id, its latest decisions ordered by stage then reviewer id], ordered
 * by record id. Grouped by record first, so each decision costs one map lookup by its id rather than a joined key,
 * and only record ids are sorted (a screen recomputes this from every decision of a project after each key press).
 */
function latestByRecord(decisions: readonly ScreeningDecision[]): [string, ScreeningDecision[]][] {
  const byRecord = new Map<string, ScreeningDecision[]>()
  for (const decision of decisions) {
    const list = byRecord.get(decision.recordId)
    if (!list) {
      byRecord.set(decision.recordId, [decision])
      continue
    }
    const at = list.findIndex(
      (kept) => kept.stage === decision.stage && kept.reviewerId === decision.reviewerId,
    )
    if (at < 0) list.push(decision)
    else if (compareDecisions(decision, list[at] as ScreeningDecision) > 0) list[at] = decision
  }
  const records = [...byRecord.keys()].sort(compareStrings)
  return records.map((recordId) => {
    const list = byRecord.get(recordId) as ScreeningDecision[]
    if (list.length > 1) {
      list.sort((a, b) => compareStrings(a.stage, b.stage) || compareStrings(a.reviewerId, b.reviewerId))
    }
    return [recordId, list]
  })
}

/** The latest resolution per (record, stage), keyed by `stage + NUL + recordId`; ties broken deterministically. */
function latestResolutions(resolutions: readonly ScreeningResolution[]): Map<string, ScreeningResolution> {
  const latest = new Map<string, ScreeningResolution>()
  for (const resolution of resolutions) {
    const key = stageKey(resolution.recordId, resolution.stage)
    const current = latest.get(key)
    if (!current || compareResolutions(resolution, current) > 0) latest.set(key, resolution)
  }
  return latest
}

/** Reasons are picked from a list, but typed ones may differ in case or spacing only. */
function sameReason(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}

/**
 * Whether and how the reviewers' latest decisions disagree. At full text two exclusions with different reasons
 * are a conflict too, because PRISMA counts each exclusion under one reason.
 */
export function findDisagreement(
  stage: ScreeningStage,
  decisions: readonly ScreeningDecision[],
): ConflictKind | null {
  const first = decisions[0]
  if (!first) return null
  if (decisions.some((decision) => decision.value !== first.value)) return 'value'
  if (stage === 'full-text' && first.value === 'exclude') {
    if (decisions.some((decision) => !sameReason(decision.reason, first.reason))) return 'reason'
  }
  return null
}

/**
 * Computes every record's outcome at each stage from all decisions and resolutions of a project (any order, any
 * number of revisions). Rule: a resolution decides; else, if all reviewers who decided agree, their value counts;
 * else the record is in conflict. Records nobody decided are absent (use {@link outcomeOf} for `'undecided'`).
 */
export function computeScreeningStatus(
  decisions: readonly ScreeningDecision[],
  resolutions: readonly ScreeningResolution[] = [],
): ScreeningStatus {
  const resolved = latestResolutions(resolutions)
  const byStage: Record<ScreeningStage, Map<string, RecordStageStatus>> = {
    'title-abstract': new Map(),
    'full-text': new Map(),
  }
  const conflicts: ScreeningConflict[] = []
  const add = (group: ScreeningDecision[], resolution: ScreeningResolution | null): void => {
    const status = settle(group, resolution)
    byStage[status.stage].set(status.recordId, status)
    const kind = findDisagreement(status.stage, group)
    if (kind) {
      conflicts.push({ recordId: status.recordId, stage: status.stage, kind, decisions: group, resolution })
    }
  }
  const settledKeys = new Set<string>()
  for (const [, latest] of latestByRecord(decisions)) {
    // A record's latest decisions are ordered by stage: each stage's are one run of them.
    for (let from = 0; from < latest.length;) {
      const stage = (latest[from] as ScreeningDecision).stage
      let to = from + 1
      while (to < latest.length && (latest[to] as ScreeningDecision).stage === stage) to++
      const group = from === 0 && to === latest.length ? latest : latest.slice(from, to)
      const key = stageKey(group[0]?.recordId ?? '', stage)
      add(group, resolved.get(key) ?? null)
      if (resolved.size > 0) settledKeys.add(key)
      from = to
    }
  }
  for (const [key, resolution] of resolved) if (!settledKeys.has(key)) add([], resolution)
  conflicts.sort((a, b) => compareStrings(b.stage, a.stage) || compareStrings(a.recordId, b.recordId))
  return { byStage, conflicts }
}

function settle(group: ScreeningDecision[], resolution: ScreeningResolution | null): RecordStageStatus {
  // Every key comes from at least one decision or resolution, so one of the two is present.
  const anchor = resolution ?? (group[0] as ScreeningDecision)
  const { recordId, stage } = anchor
  if (resolution) {
    return {
      recordId,
      stage,
      decisions: group,
      resolution,
      outcome: resolution.value,
      reason: resolution.reason,
    }
  }
  const first = group[0] as ScreeningDecision
  if (findDisagreement(first.stage, group)) {
    return { recordId, stage, decisions: group, resolution, outcome: 'conflict', reason: '' }
  }
  const reason = first.value === 'exclude' ? first.reason : ''
  return { recordId, stage, decisions: group, resolution, outcome: first.value, reason }
}

/** A record's outcome at a stage: `'undecided'` when nobody has decided it and it has no resolution. */
export function outcomeOf(status: ScreeningStatus, recordId: string, stage: ScreeningStage): StageOutcome {
  return status.byStage[stage].get(recordId)?.outcome ?? 'undecided'
}

/** Only conflicts still waiting for a resolution. */
export function openConflicts(status: ScreeningStatus): ScreeningConflict[] {
  return status.conflicts.filter((conflict) => conflict.resolution === null)
}

/**
 * Whether a record moves on to full-text screening, given its title/abstract outcome: included or maybe.
 * Maybe goes on because the abstract alone could not rule it out (Cochrane Handbook, chapter 4).
 */
export function eligibleForFullText(titleAbstractOutcome: StageOutcome): boolean {
  return titleAbstractOutcome === 'include' || titleAbstractOutcome === 'maybe'
}

/** The ids (in the given order) of records eligible for full-text screening. */
export function fullTextRecordIds(status: ScreeningStatus, recordIds: readonly string[]): string[] {
  return recordIds.filter((id) => eligibleForFullText(outcomeOf(status, id, 'title-abstract')))
}
