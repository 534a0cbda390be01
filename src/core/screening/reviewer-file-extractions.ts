import { checkForm } from '../extraction/form-parse'
import type { OrphanedValue, OrphanedValues } from '../extraction/versioning'
import type { ExtractionValues } from '../extraction/values'
import type { ReviewerExtraction, ReviewerFormVersion } from './reviewer-file'
import {
  describe,
  fail,
  FieldError,
  isObject,
  list,
  object,
  oneOf,
  positiveInteger,
  string,
  timestamp,
  type Json,
} from './reviewer-file-json'

const statuses: readonly ReviewerExtraction['status'][] = ['draft', 'complete']

function readOrphaned(row: Json, path: string): OrphanedValues {
  const orphaned = object(row, 'orphaned', path)
  const result: OrphanedValues = {}
  for (const [key, entry] of Object.entries(orphaned)) {
    const at = `${path}.orphaned[${JSON.stringify(key)}]`
    if (!isObject(entry)) fail(at, 'an object', entry)
    const value: OrphanedValue = {
      path: string(entry, 'path', at, { required: true }),
      label: string(entry, 'label', at),
      // Kept as written: it only labels the value for the reader, and a newer build may add field types.
      fieldType: string(entry, 'fieldType', at) as OrphanedValue['fieldType'],
      formVersion: positiveInteger(entry, 'formVersion', at),
      value: entry.value,
    }
    result[key] = value
  }
  return result
}

function readExtraction(row: Json, path: string): ReviewerExtraction {
  return {
    recordId: string(row, 'recordId', path, { required: true }),
    reviewerId: string(row, 'reviewerId', path, { required: true }),
    formId: string(row, 'formId', path, { required: true }),
    formVersion: positiveInteger(row, 'formVersion', path),
    // Values are checked against the form when opened (see core `migrateValues`), which keeps what does not fit.
    values: object(row, 'values', path) as ExtractionValues,
    orphaned: readOrphaned(row, path),
    status: oneOf(row, 'status', path, statuses),
    updatedAt: timestamp(row, 'updatedAt', path),
  }
}

function readFormVersion(row: Json, path: string): ReviewerFormVersion {
  const formId = string(row, 'formId', path, { required: true })
  const version = positiveInteger(row, 'version', path)
  const checked = checkForm(row.definition)
  if (!checked.ok) {
    throw new FieldError(`${path}.definition: ${checked.errors.slice(0, 3).join('; ')}.`)
  }
  if (checked.form.id !== formId || checked.form.version !== version) {
    throw new FieldError(
      `${path}.definition: it is form ${describe(checked.form.id)} version ${checked.form.version}, not ${describe(formId)} version ${version}.`,
    )
  }
  return { formId, version, definition: checked.form }
}

const key = (formId: string, version: number): string => JSON.stringify([formId, version])

/**
 * Reads the optional `extractions` and `forms` of a reviewer file. Both are absent in files from builds before
 * extractions travelled; when one is present the other must be too. Each form version is listed once, each
 * extraction's form version is listed, and a reviewer has one extraction per record.
 */
export function readExtractionWork(
  file: Json,
): { extractions: ReviewerExtraction[]; forms: ReviewerFormVersion[] } | undefined {
  if (file.extractions === undefined && file.forms === undefined) return undefined
  const extractions = list(file, 'extractions', readExtraction)
  const forms = list(file, 'forms', readFormVersion)
  const listed = new Set<string>()
  forms.forEach((form, index) => {
    const formKey = key(form.formId, form.version)
    if (listed.has(formKey)) {
      throw new FieldError(
        `forms[${index}]: form ${describe(form.formId)} version ${form.version} is listed twice.`,
      )
    }
    listed.add(formKey)
  })
  const seen = new Set<string>()
  extractions.forEach((row, index) => {
    if (!listed.has(key(row.formId, row.formVersion))) {
      throw new FieldError(
        `extractions[${index}].formVersion: form ${describe(row.formId)} version ${row.formVersion} is not listed in forms.`,
      )
    }
    const extractionKey = JSON.stringify([row.recordId, row.reviewerId])
    if (seen.has(extractionKey)) {
      throw new FieldError(
        `extractions[${index}]: record ${describe(row.recordId)} has a second extraction by ${describe(row.reviewerId)}.`,
      )
    }
    seen.add(extractionKey)
  })
  return { extractions, forms }
}
