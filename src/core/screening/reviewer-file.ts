import type { ExtractionForm } from '../extraction/form'
import type { ExtractionValues } from '../extraction/values'
import type { OrphanedValues } from '../extraction/versioning'
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

/** One reviewer's extraction of one record, as it travels in a reviewer file (record id is the exporter's). */
export type ReviewerExtraction = {
  recordId: string
  reviewerId: string
  formId: string
  /** The form version the values were entered under; its definition is in the file's `forms`. */
  formVersion: number
  values: ExtractionValues
  /** Values the form version has no place for (see core `migrateValues`); carried so nothing is lost. */
  orphaned: OrphanedValues
  status: 'draft' | 'complete'
  /** ISO 8601 timestamp of the last save; the newer of two extractions of a record by one reviewer wins. */
  updatedAt: string
}

/** One version of a project's extraction form, as it travels in a reviewer file. */
export type ReviewerFormVersion = {
  formId: string
  version: number
  definition: ExtractionForm
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
  /** The reviewer's own extractions. Absent in files written before extractions travelled (still version 1). */
  extractions?: ReviewerExtraction[]
  /** The form versions `extractions` were entered under; present whenever `extractions` is. */
  forms?: ReviewerFormVersion[]
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
  /** The reviewer's extractions; when given, the file carries `extractions` and the `forms` they use. */
  extractions?: readonly ReviewerExtraction[]
  /** Form versions to pick from; only those `extractions` were entered under are written. */
  forms?: readonly ReviewerFormVersion[]
}

const formKey = (formId: string, version: number): string => JSON.stringify([formId, version])

/**
 * Builds the reviewer file. The caller picks which events and extractions to include (normally the reviewer's own).
 * Only records the events and extractions refer to, and only the form versions the extractions use, are listed, which keeps the file small on 100,000-record projects. Serialise with
 * `JSON.stringify(file, null, 2)`.
 */
export function buildReviewerFile(input: BuildReviewerFileInput): ReviewerFile {
  const decisions = [...input.decisions]
  const resolutions = [...(input.resolutions ?? [])]
  const notes = [...(input.notes ?? [])]
  const used = new Set<string>()
  const extractions = input.extractions ? [...input.extractions] : undefined
  for (const row of [...decisions, ...resolutions, ...notes, ...(extractions ?? [])]) used.add(row.recordId)
  const usedForms = new Set((extractions ?? []).map((row) => formKey(row.formId, row.formVersion)))
  const forms = (input.forms ?? [])
    .filter((form) => usedForms.has(formKey(form.formId, form.version)))
    .map(({ formId, version, definition }) => ({ formId, version, definition }))
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
    ...(extractions ? { extractions, forms } : {}),
  }
}

/**
 * Reads a reviewer file's text. Never throws: returns `{ ok: false, error }` for text that is not JSON, JSON from
 * another app, a file from a newer Sift, or any malformed row (the message names the field, e.g.
 * `decisions[3].value`). Unknown extra fields are dropped. Every row's record id must be listed in `records`, and
 * every extraction's form version in `forms`. Files without `extractions` (written by earlier builds) are valid.
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
export {
  isNewerExtraction,
  latestExtractions,
  mapIncomingRecordIds,
  mergeDecisions,
  mergeNotes,
  mergeResolutions,
} from './merge'
