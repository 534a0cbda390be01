/**
 * The extraction form definition: what a project asks reviewers to pull out of each included study.
 * Forms are plain JSON data (templates live in `resources/forms/`) so a team can design its own in the app; nothing
 * here is specific to one review topic.
 *
 * Field ids are the identity of a field across form versions: labels, help and bounds may change, the id may not.
 * Values are stored keyed by field id (see `values.ts`), so ids are unique across the whole form, not per section.
 */

/** Field types with a single value. */
export const scalarFieldTypes = [
  'text',
  'longText',
  'integer',
  'number',
  'percent',
  'proportion',
  'select',
  'multiSelect',
  'yesNo',
  'date',
] as const

/** Field types that hold repeating groups. */
export const groupFieldTypes = ['arms', 'outcomeGrid'] as const

/** Every field type a form may use. */
export const fieldTypes = [...scalarFieldTypes, ...groupFieldTypes] as const

/** A field type. */
export type FieldType = (typeof fieldTypes)[number]

/** How an outcome is measured, which decides the cells of the outcome grid and the long-format row. */
export const outcomeKinds = [
  'proportion',
  'continuous',
  'time-to-event-median',
  'rate-at-timepoint',
  'count',
] as const

/** An outcome kind: proportion (events / total), continuous value, median time, rate (%) at a time, count. */
export type OutcomeKind = (typeof outcomeKinds)[number]

/** One choice of a select, multi-select or outcome criteria list. `value` is stored; `label` may change freely. */
export type FieldOption = { value: string; label: string }

/** What every field has. `unit` is shown beside the input and copied into outcome rows. */
export type FieldBase = {
  id: string
  label: string
  help?: string
  unit?: string
  required?: boolean
}

/** Free text, one line or several. */
export type TextField = FieldBase & { type: 'text' | 'longText'; maxLength?: number }

/**
 * A number. `integer` must be whole, `percent` is bounded to 0–100 on top of any `min`/`max`; bounds are inclusive.
 */
export type NumberField = FieldBase & { type: 'integer' | 'number' | 'percent'; min?: number; max?: number }

/** A proportion entered as events and total (both non-negative integers, events ≤ total), e.g. 12 / 20 patients. */
export type ProportionField = FieldBase & { type: 'proportion' }

/** One choice (`select`) or any number of choices (`multiSelect`) from `options`. */
export type SelectField = FieldBase & { type: 'select' | 'multiSelect'; options: FieldOption[] }

/** Yes / no / not reported (empty). */
export type YesNoField = FieldBase & { type: 'yesNo' }

/** A date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: papers often give only the year or month of a study period. */
export type DateField = FieldBase & { type: 'date' }

/**
 * The study's arms (intervention groups). Each arm has a label, a modality (a taxonomy term id or free text), a
 * technique or agent, and n. `modalityOptions`, when given, limits the modality to those choices; when absent the
 * UI offers the project's taxonomy. `studyTotalFieldId` names the integer field holding the study's number of
 * patients, so no arm may be larger than the study.
 */
export type ArmsField = FieldBase & {
  type: 'arms'
  modalityOptions?: FieldOption[]
  studyTotalFieldId?: string
}

/** A timepoint of an outcome, e.g. "5 years". `months` orders timepoints for the trend warnings. */
export type Timepoint = { id: string; label: string; months?: number }

/**
 * One outcome of the outcome grid.
 * - `criteria`: the response criteria a reviewer can pick per cell (e.g. RECIST 1.1, mRECIST, WHO, EASL).
 * - `hasResponseCounts`: the cell also takes CR / PR / SD / PD counts (tumour response outcomes).
 * - `timepoints`: the times the outcome is reported at; none means one cell per arm (e.g. a median).
 * - `trend`: how values should move over later timepoints (survival rates never rise); breaking it is a warning.
 * - `atMost`: the id of another outcome this one should not exceed in the same arm (median PFS ≤ median OS).
 */
export type OutcomeDefinition = {
  id: string
  label: string
  kind: OutcomeKind
  help?: string
  unit?: string
  criteria?: FieldOption[]
  hasResponseCounts?: boolean
  timepoints?: Timepoint[]
  trend?: 'non-increasing' | 'non-decreasing'
  atMost?: string
}

/** The outcome grid: arm × outcome × timepoint. Needs an `arms` field in the same form. */
export type OutcomeGridField = FieldBase & { type: 'outcomeGrid'; outcomes: OutcomeDefinition[] }

/** Any field of a form, discriminated by `type`. */
export type FormField =
  | TextField
  | NumberField
  | ProportionField
  | SelectField
  | YesNoField
  | DateField
  | ArmsField
  | OutcomeGridField

/** A titled group of fields, shown as one block of the form. */
export type FormSection = { id: string; label: string; fields: FormField[] }

/** A versioned extraction form. `version` starts at 1 and rises with every revision (see `versioning.ts`). */
export type ExtractionForm = { id: string; name: string; version: number; sections: FormSection[] }

/** The timepoint id used for an outcome that has no timepoints (one cell per arm). */
export const singleTimepointId = 'overall'

/** The timepoints of an outcome, with the implicit single timepoint when it lists none. */
export function outcomeTimepoints(outcome: OutcomeDefinition): Timepoint[] {
  const timepoints = outcome.timepoints ?? []
  return timepoints.length > 0 ? timepoints : [{ id: singleTimepointId, label: '' }]
}

/** Every field of a form in display order (sections first to last). */
export function formFields(form: ExtractionForm): FormField[] {
  return form.sections.flatMap((section) => section.fields)
}

/** The field with `id`, if the form has it. */
export function findField(form: ExtractionForm, id: string): FormField | undefined {
  return formFields(form).find((field) => field.id === id)
}

/** The form's arms field; a valid form has at most one. */
export function armsField(form: ExtractionForm): ArmsField | undefined {
  return formFields(form).find((field): field is ArmsField => field.type === 'arms')
}

/** The form's outcome grids in display order. */
export function outcomeGrids(form: ExtractionForm): OutcomeGridField[] {
  return formFields(form).filter((field): field is OutcomeGridField => field.type === 'outcomeGrid')
}
