import { formFields, type ExtractionForm } from '../../../../core/extraction/form'
import { migrateValues, type OrphanedValues } from '../../../../core/extraction/versioning'
import type { ExtractionValues } from '../../../../core/extraction/values'
import type { Extraction, ExtractionForm as FormRow } from '../../db/schema'

export type OpenedExtraction = { values: ExtractionValues; orphaned: OrphanedValues; isMigrated: boolean }

/**
 * The values to open an extraction with under the latest form: migrated from the version they were entered under
 * (orphans kept), or empty for a new extraction.
 */
export function openExtraction(
  extraction: Extraction | null,
  versions: readonly FormRow[],
  form: ExtractionForm,
) {
  if (!extraction) return { ...migrateValues({}, form, form), isMigrated: false }
  const from =
    versions.find((row) => row.formId === extraction.formId && row.version === extraction.formVersion)
      ?.definition ?? form
  const migrated = migrateValues(extraction.values, from, form, extraction.orphaned)
  return { ...migrated, isMigrated: from.version !== form.version } satisfies OpenedExtraction
}

/**
 * Stored values as form inputs hold them: yes/no as 'yes'/'no', "not entered" as ''. The schema turns them back
 * (see core `coerce.ts`).
 */
export function toInputValues(form: ExtractionForm, values: ExtractionValues): Record<string, unknown> {
  const inputs: Record<string, unknown> = { ...values }
  for (const field of formFields(form)) {
    const value = values[field.id]
    if (field.type === 'yesNo') inputs[field.id] = value === true ? 'yes' : value === false ? 'no' : ''
    else if (value === null || value === undefined) inputs[field.id] = ''
  }
  return inputs
}

/** A value as text for the comparison table and the orphaned list. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(displayValue).join(', ')
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return JSON.stringify(value)
}
