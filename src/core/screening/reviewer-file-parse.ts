import type {
  ParseReviewerFileResult,
  ReviewerFile,
  ReviewerNote,
  FingerprintedRecord,
} from './reviewer-file'
import type { ScreeningResolution } from './status'
import type { DecisionValue, ScreeningDecision, ScreeningStage } from './types'
import { readExtractionWork } from './reviewer-file-extractions'
import {
  describe,
  fail,
  FieldError,
  isObject,
  list,
  oneOf,
  string,
  timestamp,
  type Json,
} from './reviewer-file-json'

/** The `format` tag that tells a Sift reviewer file from any other JSON. */
export const reviewerFileFormat = 'sift-reviewer-work'
/** The newest reviewer-file version this build reads and the one it writes. */
export const reviewerFileVersion = 1

const stages: readonly ScreeningStage[] = ['title-abstract', 'full-text']
const values: readonly DecisionValue[] = ['include', 'exclude', 'maybe']

function readDecision(row: Json, path: string): ScreeningDecision {
  return {
    recordId: string(row, 'recordId', path, { required: true }),
    stage: oneOf(row, 'stage', path, stages),
    reviewerId: string(row, 'reviewerId', path, { required: true }),
    value: oneOf(row, 'value', path, values),
    reason: string(row, 'reason', path),
    decidedAt: timestamp(row, 'decidedAt', path),
  }
}

function readResolution(row: Json, path: string): ScreeningResolution {
  return {
    recordId: string(row, 'recordId', path, { required: true }),
    stage: oneOf(row, 'stage', path, stages),
    value: oneOf(row, 'value', path, values),
    reason: string(row, 'reason', path),
    resolvedBy: string(row, 'resolvedBy', path, { required: true }),
    resolvedAt: timestamp(row, 'resolvedAt', path),
  }
}

function readNote(row: Json, path: string): ReviewerNote {
  return {
    recordId: string(row, 'recordId', path, { required: true }),
    text: string(row, 'text', path),
    createdAt: timestamp(row, 'createdAt', path),
    reviewerId: string(row, 'reviewerId', path, { required: true }),
  }
}

function readRecord(row: Json, path: string): FingerprintedRecord {
  return { id: string(row, 'id', path, { required: true }), fingerprint: string(row, 'fingerprint', path) }
}

/** Checks the envelope first, so a foreign or newer file gets a message about that rather than about a row. */
function checkEnvelope(value: unknown): void {
  if (!isObject(value) || value.format === undefined) {
    throw new FieldError('This file is not a Sift reviewer file (it has no "format": "sift-reviewer-work").')
  }
  if (value.format !== reviewerFileFormat) {
    throw new FieldError(`This file is not a Sift reviewer file (its format is ${describe(value.format)}).`)
  }
  const version = value.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    fail('version', 'a whole number', version)
  if (version > reviewerFileVersion) {
    throw new FieldError(
      `This reviewer file was written by a newer version of Sift (file version ${version}; this version reads up to ${reviewerFileVersion}). Update Sift to import it.`,
    )
  }
}

function checkRecordIds(file: ReviewerFile): void {
  const listed = new Set<string>()
  file.records.forEach((record, index) => {
    if (listed.has(record.id))
      throw new FieldError(`records[${index}].id: ${describe(record.id)} is listed twice.`)
    listed.add(record.id)
  })
  const groups: [string, { recordId: string }[]][] = [
    ['decisions', file.decisions],
    ['resolutions', file.resolutions],
    ['notes', file.notes],
    ['extractions', file.extractions ?? []],
  ]
  for (const [key, rows] of groups) {
    rows.forEach((row, index) => {
      if (!listed.has(row.recordId)) {
        throw new FieldError(`${key}[${index}].recordId: ${describe(row.recordId)} is not listed in records.`)
      }
    })
  }
}

/** Validates parsed JSON as a reviewer file (see `parseReviewerFile`). */
export function parseReviewerFileValue(value: unknown): ParseReviewerFileResult {
  try {
    checkEnvelope(value)
    const json = value as Json
    const reviewer = json.reviewer
    if (!isObject(reviewer)) fail('reviewer', 'an object', reviewer)
    const file: ReviewerFile = {
      format: reviewerFileFormat,
      version: reviewerFileVersion,
      projectName: string(json, 'projectName', 'file'),
      reviewer: {
        id: string(reviewer, 'id', 'reviewer', { required: true }),
        name: string(reviewer, 'name', 'reviewer'),
      },
      exportedAt: timestamp(json, 'exportedAt', 'file'),
      decisions: list(json, 'decisions', readDecision),
      resolutions: list(json, 'resolutions', readResolution),
      notes: list(json, 'notes', readNote),
      records: list(json, 'records', readRecord),
      ...readExtractionWork(json),
    }
    checkRecordIds(file)
    return { ok: true, file }
  } catch (error) {
    if (!(error instanceof FieldError)) throw error
    const message = error.message
    if (message.startsWith('This ')) return { ok: false, error: message }
    return { ok: false, error: `This reviewer file is damaged at ${message.replace(/^file\./, '')}` }
  }
}
