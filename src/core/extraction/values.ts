import { newId } from '../ids/ids'
import { formFields, type ExtractionForm, type FormField } from './form'

/** Events out of a total, e.g. 12 of 20 patients. `null` is "not reported". */
export type ProportionValue = { events: number | null; total: number | null }

/**
 * One arm of a study. `id` is stable (outcome cells are keyed by it) and starts with a letter so form libraries
 * never read it as an array index; `modality` is a taxonomy term id or free text.
 */
export type ArmValue = {
  id: string
  label: string
  modality: string
  technique: string
  n: number | null
}

/**
 * One cell of the outcome grid (one arm × outcome × timepoint). Which parts apply depends on the outcome kind:
 * proportion → events / total (or a reported percent in `value` when n/N is not given); rate → `value` in percent
 * (events / total optional); continuous and median → `value` in the outcome's unit; count → `events`.
 * `cr`/`pr`/`sd`/`pd` are response counts, `criteria` the response criteria option value.
 */
export type OutcomeCellValue = {
  events?: number | null
  total?: number | null
  value?: number | null
  criteria?: string
  cr?: number | null
  pr?: number | null
  sd?: number | null
  pd?: number | null
}

/** The numeric parts of an outcome cell. */
export const cellNumberKeys = ['events', 'total', 'value', 'cr', 'pr', 'sd', 'pd'] as const

/** Outcome grid values: arm id → outcome id → timepoint id → cell. */
export type OutcomeGridValue = Record<string, Record<string, Record<string, OutcomeCellValue>>>

/** The value of one field; `null` (or a missing key) is "not entered". */
export type FieldValue =
  string | number | boolean | null | string[] | ProportionValue | ArmValue[] | OutcomeGridValue

/** An extraction's values keyed by field id. */
export type ExtractionValues = Record<string, FieldValue | undefined>

/** A new arm with a fresh id. */
export function newArm(label = ''): ArmValue {
  return { id: newId('arm'), label, modality: '', technique: '', n: null }
}

/** The empty value of one field, as a form library wants it for its default values. */
export function emptyFieldValue(field: FormField): FieldValue {
  switch (field.type) {
    case 'text':
    case 'longText':
      return ''
    case 'multiSelect':
      return []
    case 'proportion':
      return { events: null, total: null }
    case 'arms':
      return []
    case 'outcomeGrid':
      return {}
    default:
      return null
  }
}

/** Empty values for every field of a form: the starting point of a new extraction. */
export function emptyValues(form: ExtractionForm): ExtractionValues {
  return Object.fromEntries(formFields(form).map((field) => [field.id, emptyFieldValue(field)]))
}

/** Whether a value counts as entered: not null, not blank text, not an empty list or object of empties. */
export function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (typeof value === 'number') return !Number.isNaN(value)
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object') return Object.values(value).some(isFilled)
  return true
}

/** Narrow an unknown to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A finite number or `null`: what the numeric parts of values hold once parsed. */
export function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** The arms stored under an arms field, skipping anything that is not an arm object. */
export function readArms(value: unknown): ArmValue[] {
  if (!Array.isArray(value)) return []
  return value.filter(isRecord).map((arm) => ({
    id: typeof arm.id === 'string' ? arm.id : '',
    label: typeof arm.label === 'string' ? arm.label : '',
    modality: typeof arm.modality === 'string' ? arm.modality : '',
    technique: typeof arm.technique === 'string' ? arm.technique : '',
    n: numberOrNull(arm.n),
  }))
}

/** The cell at arm × outcome × timepoint of an outcome grid value, if present. */
export function readCell(
  grid: unknown,
  armId: string,
  outcomeId: string,
  timepointId: string,
): OutcomeCellValue | undefined {
  if (!isRecord(grid)) return undefined
  const byOutcome = grid[armId]
  if (!isRecord(byOutcome)) return undefined
  const byTimepoint = byOutcome[outcomeId]
  if (!isRecord(byTimepoint)) return undefined
  const cell = byTimepoint[timepointId]
  return isRecord(cell) ? readCellParts(cell) : undefined
}

/** An outcome cell with every part type-checked: numbers finite or null, criteria text. */
export function readCellParts(cell: Record<string, unknown>): OutcomeCellValue {
  const parts: OutcomeCellValue = {}
  for (const key of cellNumberKeys) {
    if (key in cell) parts[key] = numberOrNull(cell[key])
  }
  if (typeof cell.criteria === 'string') parts.criteria = cell.criteria
  return parts
}

/** A deep copy of a JSON-like value (core has no `structuredClone` in its ES-only lib). */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneValue(item)) as T
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cloneValue(item)])) as T
  }
  return value
}
