import type { SiftDb } from '../db'
import type {
  Attachment,
  CarriedRow,
  CarryConflict,
  Decision,
  Extraction,
  Note,
  Outcome,
  RecordTag,
  Resolution,
} from '../schema'
import { decisionId } from './decisions'
import { extractionId } from './extractions'

/** Everything the members of merged clusters carry: decisions, tags, notes, PDFs and extractions. */
export type MemberWork = {
  decisions: Decision[]
  resolutions: Resolution[]
  recordTags: RecordTag[]
  notes: Note[]
  attachments: Attachment[]
  extractions: Extraction[]
  outcomes: Outcome[]
}

/** The rows to add to the kept records and the disagreements to show. */
export type CarryPlan = {
  add: MemberWork
  carried: CarriedRow[]
  conflicts: CarryConflict[]
}

const carryTables = [
  'decisions',
  'resolutions',
  'recordTags',
  'notes',
  'attachments',
  'extractions',
  'outcomes',
] as const satisfies readonly (keyof MemberWork)[]

function emptyWork(): MemberWork {
  return {
    decisions: [],
    resolutions: [],
    recordTags: [],
    notes: [],
    attachments: [],
    extractions: [],
    outcomes: [],
  }
}

/** Tables a merge writes when it carries work over; a merge transaction must include them. */
export function carryTablesOf(db: SiftDb) {
  return carryTables.map((name) => db[name])
}

/** Loads the work attached to the given records, one indexed query per table. */
export async function loadMemberWork(db: SiftDb, recordIds: readonly string[]): Promise<MemberWork> {
  const ids = [...new Set(recordIds)]
  const [decisions, resolutions, recordTags, notes, attachments, extractions, outcomes] = await Promise.all([
    db.decisions.where('recordId').anyOf(ids).toArray(),
    db.resolutions.where('recordId').anyOf(ids).toArray(),
    db.recordTags.where('recordId').anyOf(ids).toArray(),
    db.notes.where('recordId').anyOf(ids).toArray(),
    db.attachments.where('recordId').anyOf(ids).toArray(),
    db.extractions.where('recordId').anyOf(ids).toArray(),
    db.outcomes.where('recordId').anyOf(ids).toArray(),
  ])
  return { decisions, resolutions, recordTags, notes, attachments, extractions, outcomes }
}

/**
 * Splits loaded work by record, so planning each merge looks only at its own members' rows (a project-wide merge
 * after an import can cover thousands of clusters).
 */
export function groupWorkByRecord(work: MemberWork): (recordIds: readonly string[]) => MemberWork {
  const groups = new Map<string, MemberWork>()
  for (const table of carryTables) {
    for (const row of work[table]) {
      let group = groups.get(row.recordId)
      if (!group) groups.set(row.recordId, (group = emptyWork()))
      ;(group[table] as (typeof row)[]).push(row)
    }
  }
  return (recordIds) => {
    const subset = emptyWork()
    for (const id of recordIds) {
      const group = groups.get(id)
      if (group) for (const table of carryTables) (subset[table] as unknown[]).push(...group[table])
    }
    return subset
  }
}

function byRecord<Row extends { recordId: string }>(rows: readonly Row[], recordId: string): Row[] {
  return rows.filter((row) => row.recordId === recordId)
}

const decisionText = (decision: Decision) =>
  decision.reason ? `${decision.value} (${decision.reason})` : decision.value

/**
 * Plans what one merge carries onto the kept record from the records merged into it. Rows with a natural key
 * (a reviewer's decision per stage, a resolution per stage, a tag, a reviewer's extraction) are copied only where
 * the kept record has none; a different value on both sides is a conflict (the kept record's value wins and the
 * other is reported). Notes and PDFs are always copied unless the kept record already has the same one.
 * Later members win over earlier ones for the same key, and their disagreement is reported too.
 */
export function planCarryOver(keptId: string, otherIds: readonly string[], work: MemberWork): CarryPlan {
  const plan: CarryPlan = { add: emptyWork(), carried: [], conflicts: [] }
  const decisions = new Map(
    byRecord(work.decisions, keptId).map((row) => [`${row.stage}:${row.reviewerId}`, row]),
  )
  const resolutions = new Map(byRecord(work.resolutions, keptId).map((row) => [row.stage, row]))
  const tags = new Set(byRecord(work.recordTags, keptId).map((row) => `${row.taxonomyId ?? ''}:${row.tagId}`))
  const notes = new Set(byRecord(work.notes, keptId).map((row) => row.text.trim()))
  const files = new Set(byRecord(work.attachments, keptId).map((row) => row.fileName))
  const extractions = new Set(byRecord(work.extractions, keptId).map((row) => row.reviewerId))

  for (const otherId of otherIds) {
    for (const row of byRecord(work.decisions, otherId)) {
      const key = `${row.stage}:${row.reviewerId}`
      const existing = decisions.get(key)
      if (existing && (existing.value !== row.value || existing.reason !== row.reason)) {
        plan.conflicts.push({
          kind: 'decision',
          stage: row.stage,
          reviewerId: row.reviewerId,
          kept: decisionText(existing),
          other: decisionText(row),
          otherRecordId: otherId,
        })
      }
      if (existing) continue
      const copy: Decision = { ...row, id: decisionId(keptId, row.stage, row.reviewerId), recordId: keptId }
      decisions.set(key, copy)
      plan.add.decisions.push(copy)
    }
    for (const row of byRecord(work.resolutions, otherId)) {
      const existing = resolutions.get(row.stage)
      if (existing && existing.value !== row.value) {
        plan.conflicts.push({
          kind: 'resolution',
          stage: row.stage,
          kept: existing.value,
          other: row.value,
          otherRecordId: otherId,
        })
      }
      if (existing) continue
      const copy: Resolution = { ...row, id: `${keptId}:${row.stage}`, recordId: keptId }
      resolutions.set(row.stage, copy)
      plan.add.resolutions.push(copy)
    }
    carrySimpleRows(plan, keptId, otherId, work, { tags, notes, files })
    carryExtractions(plan, keptId, otherId, work, extractions)
  }
  plan.carried = carryTables.flatMap((table) =>
    plan.add[table].map((row) => ({ table, id: row.id, stamp: stampOf(row) }) satisfies CarriedRow),
  )
  return plan
}

type SeenOnKept = { tags: Set<string>; notes: Set<string>; files: Set<string> }

/** A row's own change time, where it has one: a reviewer who re-decides on the kept record changes it. */
function stampOf(row: object): string | undefined {
  if ('decidedAt' in row && typeof row.decidedAt === 'string') return row.decidedAt
  if ('updatedAt' in row && typeof row.updatedAt === 'string') return row.updatedAt
  if ('resolvedAt' in row && typeof row.resolvedAt === 'string') return row.resolvedAt
  return undefined
}

/** Tags, notes and PDFs: copied unless the kept record already has the same one. */
function carrySimpleRows(
  plan: CarryPlan,
  keptId: string,
  otherId: string,
  work: MemberWork,
  seen: SeenOnKept,
): void {
  for (const row of byRecord(work.recordTags, otherId)) {
    const key = `${row.taxonomyId ?? ''}:${row.tagId}`
    if (seen.tags.has(key)) continue
    seen.tags.add(key)
    // Taxonomy tags have natural ids (record, taxonomy, term), so tagging the kept record later finds the copy.
    const id = row.taxonomyId ? `${keptId}:${row.taxonomyId}:${row.tagId}` : `${keptId}:carried:${row.id}`
    plan.add.recordTags.push({ ...row, id, recordId: keptId })
  }
  for (const row of byRecord(work.notes, otherId)) {
    if (seen.notes.has(row.text.trim())) continue
    seen.notes.add(row.text.trim())
    plan.add.notes.push({ ...row, id: `${keptId}:carried:${row.id}`, recordId: keptId })
  }
  for (const row of byRecord(work.attachments, otherId)) {
    if (seen.files.has(row.fileName)) continue
    seen.files.add(row.fileName)
    plan.add.attachments.push({ ...row, id: `${keptId}:carried:${row.id}`, recordId: keptId })
  }
}

/** A reviewer's extraction (with its outcome rows) moves over when the kept record has none from that reviewer. */
function carryExtractions(
  plan: CarryPlan,
  keptId: string,
  otherId: string,
  work: MemberWork,
  reviewers: Set<string>,
): void {
  for (const row of byRecord(work.extractions, otherId)) {
    if (reviewers.has(row.reviewerId)) {
      plan.conflicts.push({
        kind: 'extraction',
        reviewerId: row.reviewerId,
        kept: 'extraction kept',
        other: `another extraction (${row.status})`,
        otherRecordId: otherId,
      })
      continue
    }
    reviewers.add(row.reviewerId)
    const id = extractionId(keptId, row.reviewerId)
    plan.add.extractions.push({ ...row, id, recordId: keptId })
    for (const outcome of work.outcomes.filter((line) => line.extractionId === row.id)) {
      plan.add.outcomes.push({
        ...outcome,
        id: `${id}:${outcome.armId}:${outcome.outcome}:${outcome.timepointId}`,
        recordId: keptId,
        extractionId: id,
      })
    }
  }
}

/** Writes a plan's rows; call inside the merge transaction (tables from {@link carryTablesOf}). */
export async function applyCarryOver(db: SiftDb, add: MemberWork): Promise<void> {
  await db.decisions.bulkPut(add.decisions)
  await db.resolutions.bulkPut(add.resolutions)
  await db.recordTags.bulkPut(add.recordTags)
  await db.notes.bulkPut(add.notes)
  await db.attachments.bulkPut(add.attachments)
  await db.extractions.bulkPut(add.extractions)
  await db.outcomes.bulkPut(add.outcomes)
}

/**
 * Removes the copies a merge made (undo merge). A copied decision, resolution or extraction changed on the kept
 * record since the merge is the reviewer's newer work and stays.
 */
export async function removeCarried(db: SiftDb, carried: readonly CarriedRow[]): Promise<void> {
  for (const table of carryTables) {
    const rows = carried.filter((row) => row.table === table)
    if (rows.length === 0) continue
    const current = await db[table].bulkGet(rows.map((row) => row.id))
    const unchanged = rows.filter((row, index) => {
      const now = current[index]
      return now !== undefined && stampOf(now) === row.stamp
    })
    await db[table].bulkDelete(unchanged.map((row) => row.id))
  }
}
