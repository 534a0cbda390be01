import type { CitationRecord } from '../records/record'
import { normaliseDoi, normalisePmid, titleKey } from '../records/normalise'
import type { ScreeningResolution } from './status'
import type { ScreeningDecision } from './types'
import { parseReviewerFileValue, reviewerFileFormat, reviewerFileVersion } from './reviewer-file-parse'

export { reviewerFileFormat, reviewerFileVersion }

/** A reviewer's note on a record. */
export type ReviewerNote = {
  recordId: string
  text: string
  /** ISO 8601 timestamp. */
  createdAt: string
  reviewerId: string
}

/** A record id in the exporting project with the fingerprint a teammate's project uses to find the same record. */
export type FingerprintedRecord = {
  id: string
  /** See {@link recordFingerprint}; `''` when the record has nothing to match on. */
  fingerprint: string
}

/** The reviewer profile that wrote a file. */
export type ReviewerProfile = {
  id: string
  name: string
}

/**
 * "Export my work": everything one reviewer did in a project, for a teammate to import on another machine. Record
 * ids are the exporter's; `records` carries fingerprints so the importer can map them to its own ids.
 */
export type ReviewerFile = {
  format: typeof reviewerFileFormat
  version: typeof reviewerFileVersion
  projectName: string
  reviewer: ReviewerProfile
  /** ISO 8601 timestamp. */
  exportedAt: string
  decisions: ScreeningDecision[]
  resolutions: ScreeningResolution[]
  notes: ReviewerNote[]
  records: FingerprintedRecord[]
}

/** Result of {@link parseReviewerFile}: the file, or one message saying what is wrong and where. */
export type ParseReviewerFileResult = { ok: true; file: ReviewerFile } | { ok: false; error: string }

/**
 * A key that identifies the same paper across two projects whose record ids differ: `doi:<doi>`, else
 * `pmid:<pmid>`, else `title:<titleKey>|<year>` (year empty when unknown). `''` when the record has no DOI, PMID
 * or title, so it cannot be matched. DOI and PMID are normalised again here so records imported by older builds
 * still match.
 */
export function recordFingerprint(record: Pick<CitationRecord, 'doi' | 'pmid' | 'title' | 'year'>): string {
  const doi = normaliseDoi(record.doi)
  if (doi) return `doi:${doi}`
  const pmid = normalisePmid(record.pmid)
  if (pmid) return `pmid:${pmid}`
  const key = titleKey(record.title)
  if (key) return `title:${key}|${record.year ?? ''}`
  return ''
}

/** Inputs of {@link buildReviewerFile}. */
export type BuildReviewerFileInput = {
  projectName: string
  reviewer: ReviewerProfile
  /** ISO 8601 timestamp; passed in so core stays free of the clock. */
  exportedAt: string
  decisions: readonly ScreeningDecision[]
  resolutions?: readonly ScreeningResolution[]
  notes?: readonly ReviewerNote[]
  /** Fingerprints of the project's records; only those the events refer to are written. */
  records: readonly FingerprintedRecord[]
}

/**
 * Builds the reviewer file. The caller picks which events to include (normally the reviewer's own). Only records
 * the events refer to are listed, which keeps the file small on 100,000-record projects. Serialise with
 * `JSON.stringify(file, null, 2)`.
 */
export function buildReviewerFile(input: BuildReviewerFileInput): ReviewerFile {
  const decisions = [...input.decisions]
  const resolutions = [...(input.resolutions ?? [])]
  const notes = [...(input.notes ?? [])]
  const used = new Set<string>()
  for (const row of [...decisions, ...resolutions, ...notes]) used.add(row.recordId)
  return {
    format: reviewerFileFormat,
    version: reviewerFileVersion,
    projectName: input.projectName,
    reviewer: { id: input.reviewer.id, name: input.reviewer.name },
    exportedAt: input.exportedAt,
    decisions,
    resolutions,
    notes,
    records: input.records
      .filter((record) => used.has(record.id))
      .map(({ id, fingerprint }) => ({ id, fingerprint })),
  }
}

/**
 * Reads a reviewer file's text. Never throws: returns `{ ok: false, error }` for text that is not JSON, JSON from
 * another app, a file from a newer Sift, or any malformed row (the message names the field, e.g.
 * `decisions[3].value`). Unknown extra fields are dropped. Every row's record id must be listed in `records`.
 */
export function parseReviewerFile(text: string): ParseReviewerFileResult {
  let value: unknown
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch {
    return { ok: false, error: 'This file is not a Sift reviewer file: it is not valid JSON.' }
  }
  try {
    return parseReviewerFileValue(value)
  } catch (error) {
    // Validation reports problems as values; this only guards against an unforeseen bug reaching the UI as a crash.
    return { ok: false, error: `This reviewer file could not be read: ${String(error)}` }
  }
}

export type { MappedReviewerWork } from './merge'
export { mapIncomingRecordIds, mergeDecisions, mergeNotes, mergeResolutions } from './merge'
