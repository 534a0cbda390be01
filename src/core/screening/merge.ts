import type { FingerprintedRecord, ReviewerExtraction, ReviewerFile, ReviewerNote } from './reviewer-file'
import type { ScreeningResolution } from './status'
import { compareStrings, compareTimestamps } from './status'
import type { ScreeningDecision } from './types'

/**
 * Set union of two event lists. Identity is the tuple of the given fields, so the same event written on two
 * machines (or imported twice) appears once. The result is sorted by a total order on those fields, which makes
 * it the same whatever order the inputs came in: merge(a, b) = merge(b, a), merge(a, a) = a (as sets; as arrays
 * too once `a` is itself a merge result), and merging is associative.
 */
function mergeBy<T>(
  local: readonly T[],
  incoming: readonly T[],
  identity: (row: T) => string[],
  compare: (a: T, b: T) => number,
): T[] {
  const byKey = new Map<string, T>()
  for (const row of [...local, ...incoming]) {
    const key = JSON.stringify(identity(row))
    if (!byKey.has(key)) byKey.set(key, row)
  }
  return [...byKey.values()].sort(compare)
}

function compareTuples(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareStrings(a[i] ?? '', b[i] ?? '')
    if (order) return order
  }
  return 0
}

const decisionIdentity = (d: ScreeningDecision): string[] => [
  d.recordId,
  d.stage,
  d.reviewerId,
  d.decidedAt,
  d.value,
  d.reason,
]

/**
 * Merges a teammate's decisions into ours without losing any: the union of both, identity
 * (recordId, stage, reviewerId, decidedAt, value, reason), sorted by time (then the other fields). Earlier
 * decisions are kept because they are the audit trail; "latest wins" is applied when status is computed.
 */
export function mergeDecisions(
  local: readonly ScreeningDecision[],
  incoming: readonly ScreeningDecision[],
): ScreeningDecision[] {
  return mergeBy(
    local,
    incoming,
    decisionIdentity,
    (a, b) =>
      compareTimestamps(a.decidedAt, b.decidedAt) || compareTuples(decisionIdentity(a), decisionIdentity(b)),
  )
}

const resolutionIdentity = (r: ScreeningResolution): string[] => [
  r.recordId,
  r.stage,
  r.resolvedBy,
  r.resolvedAt,
  r.value,
  r.reason,
]

/** Merges resolutions like {@link mergeDecisions}: union on every field, sorted by time. */
export function mergeResolutions(
  local: readonly ScreeningResolution[],
  incoming: readonly ScreeningResolution[],
): ScreeningResolution[] {
  return mergeBy(
    local,
    incoming,
    resolutionIdentity,
    (a, b) =>
      compareTimestamps(a.resolvedAt, b.resolvedAt) ||
      compareTuples(resolutionIdentity(a), resolutionIdentity(b)),
  )
}

const noteIdentity = (n: ReviewerNote): string[] => [n.recordId, n.reviewerId, n.createdAt, n.text]

/** Merges notes like {@link mergeDecisions}: union on every field, sorted by time. */
export function mergeNotes(
  local: readonly ReviewerNote[],
  incoming: readonly ReviewerNote[],
): ReviewerNote[] {
  return mergeBy(
    local,
    incoming,
    noteIdentity,
    (a, b) => compareTimestamps(a.createdAt, b.createdAt) || compareTuples(noteIdentity(a), noteIdentity(b)),
  )
}

/**
 * Whether an incoming extraction should replace the local one of the same record and reviewer: only when it was
 * saved later. Equal times keep the local one, so importing the same file twice changes nothing.
 */
export function isNewerExtraction(
  local: Pick<ReviewerExtraction, 'updatedAt'> | undefined,
  incoming: Pick<ReviewerExtraction, 'updatedAt'>,
): boolean {
  return local === undefined || compareTimestamps(incoming.updatedAt, local.updatedAt) > 0
}

/**
 * The newest extraction per record and reviewer (one extraction per record and reviewer is the storage rule), in
 * the input's order of first appearance. Ties keep the first.
 */
export function latestExtractions<
  T extends Pick<ReviewerExtraction, 'recordId' | 'reviewerId' | 'updatedAt'>,
>(rows: readonly T[]): T[] {
  const latest = new Map<string, T>()
  for (const row of rows) {
    const key = JSON.stringify([row.recordId, row.reviewerId])
    if (isNewerExtraction(latest.get(key), row)) latest.set(key, row)
  }
  return [...latest.values()]
}

/** A reviewer file's events with record ids rewritten to the importing project's ids. */
export type MappedReviewerWork = {
  decisions: ScreeningDecision[]
  resolutions: ScreeningResolution[]
  notes: ReviewerNote[]
  /** The file's extractions (none for files written before extractions travelled). */
  extractions: ReviewerExtraction[]
  /** Distinct record ids of the file that match no local record (or several, ambiguously); their events are left out. */
  unmatched: number
  /** The file's record ids that were left out, for a "could not match" list. */
  unmatchedRecordIds: string[]
}

/**
 * Maps a teammate's record ids to ours through fingerprints. A file record maps to the local record with the same
 * fingerprint; when several local records share it (duplicates kept on purpose), the one with the same id wins,
 * else it is left unmatched rather than guessed. A record without a fingerprint maps only to the same id with no
 * fingerprint either. Events and extractions on unmatched records are dropped and counted.
 */
export function mapIncomingRecordIds(
  file: Pick<ReviewerFile, 'decisions' | 'resolutions' | 'notes' | 'records' | 'extractions'>,
  localRecords: readonly FingerprintedRecord[],
): MappedReviewerWork {
  const idsByFingerprint = new Map<string, string[]>()
  for (const record of localRecords) {
    const ids = idsByFingerprint.get(record.fingerprint)
    if (ids) ids.push(record.id)
    else idsByFingerprint.set(record.fingerprint, [record.id])
  }
  const mapping = new Map<string, string>()
  for (const record of file.records) {
    const candidates = idsByFingerprint.get(record.fingerprint) ?? []
    const target = candidates.includes(record.id)
      ? record.id
      : candidates.length === 1 && record.fingerprint !== ''
        ? candidates[0]
        : undefined
    if (target !== undefined) mapping.set(record.id, target)
  }
  const unmatchedIds = new Set<string>()
  const remap = <T extends { recordId: string }>(rows: readonly T[]): T[] =>
    rows.flatMap((row) => {
      const recordId = mapping.get(row.recordId)
      if (recordId === undefined) {
        unmatchedIds.add(row.recordId)
        return []
      }
      return [{ ...row, recordId }]
    })
  const decisions = remap(file.decisions)
  const resolutions = remap(file.resolutions)
  const notes = remap(file.notes)
  const extractions = remap(file.extractions ?? [])
  const unmatchedRecordIds = [...unmatchedIds].sort(compareStrings)
  return {
    decisions,
    resolutions,
    notes,
    extractions,
    unmatched: unmatchedRecordIds.length,
    unmatchedRecordIds,
  }
}
