import type {
  ParseReviewerFileResult,
  ReviewerFile,
  ReviewerNote,
  FingerprintedRecord,
} from './reviewer-file'
import type { ScreeningResolution } from './status'
import type { DecisionValue, ScreeningDecision, ScreeningStage } from './types'

/** The `format` tag that tells a Sift reviewer file from any other JSON. */
export const reviewerFileFormat = 'sift-reviewer-work'
/** The newest reviewer-file version this build reads and the one it writes. */
export const reviewerFileVersion = 1

const stages: readonly ScreeningStage[] = ['title-abstract', 'full-text']
const values: readonly DecisionValue[] = ['include', 'exclude', 'maybe']

/** A problem at one path of the file; thrown inside this module only and turned into `{ ok: false }`. */
class FieldError extends Error {}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined) return String(value)
  return 'an object'
}

function fail(path: string, expected: string, value: unknown): never {
  throw new FieldError(`${path}: expected ${expected}, found ${describe(value)}.`)
}

function string(row: Json, key: string, path: string, { required = false } = {}): string {
  const value = row[key]
  if (typeof value !== 'string') fail(`${path}.${key}`, 'text', value)
  if (required && value.trim() === '') fail(`${path}.${key}`, 'non-empty text', value)
  return value
}

function timestamp(row: Json, key: string, path: string): string {
  const value = string(row, key, path, { required: true })
  if (!Number.isFinite(Date.parse(value))) fail(`${path}.${key}`, 'an ISO 8601 date and time', value)
  return value
}

function oneOf<T extends string>(row: Json, key: string, path: string, allowed: readonly T[]): T {
  const value = row[key]
  const match = allowed.find((option) => option === value)
  if (match === undefined) fail(`${path}.${key}`, `one of ${allowed.join(', ')}`, value)
  return match
}

function list<T>(file: Json, key: string, readRow: (row: Json, path: string) => T): T[] {
  const value = file[key]
  if (!Array.isArray(value)) fail(key, 'a list', value)
  return value.map((row: unknown, index) => {
    const path = `${key}[${index}]`
    if (!isObject(row)) fail(path, 'an object', row)
    return readRow(row, path)
  })
}

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
