import { isPartialDate } from './coerce'
import { checkForm, type FormResult } from './form-parse'
import {
  findField,
  formFields,
  outcomeTimepoints,
  type ExtractionForm,
  type FieldType,
  type FormField,
  type OutcomeGridField,
} from './form'
import { emptyFieldValue, isFilled, isRecord, type ExtractionValues, type FieldValue } from './values'

/** What a revision may change: the name and the sections (fields, their labels, options, bounds, order). */
export type FormChanges = Partial<Pick<ExtractionForm, 'name' | 'sections'>>

/**
 * A value the current form has no place for: its field was removed, changed type, lost the chosen option, or
 * (for outcome cells) the outcome or timepoint was removed. Kept with the label it had so a reviewer can still
 * read it and re-enter it; restored automatically when a later version brings back a compatible field.
 * `path` is the field id, or `gridId.outcomeId.timepointId` for outcome cells (then `value` maps arm id → cell).
 */
export type OrphanedValue = {
  path: string
  label: string
  fieldType: FieldType | 'outcomeCell'
  formVersion: number
  value: unknown
}

/** Orphaned values keyed by `path@vN` (N = the form version they were entered under). */
export type OrphanedValues = Record<string, OrphanedValue>

/** Values under the new form, and every value it had no place for. */
export type MigrationResult = { values: ExtractionValues; orphaned: OrphanedValues }

/**
 * The next version of a form: `changes` applied, version + 1, id kept. Checked like a parsed form, so a revision
 * that duplicates an id or breaks a reference is refused with the reasons.
 */
export function reviseForm(old: ExtractionForm, changes: FormChanges): FormResult {
  return checkForm({ ...old, ...changes, id: old.id, version: old.version + 1 })
}

const choices = (field: FormField) =>
  field.type === 'select' || field.type === 'multiSelect' ? field.options.map((option) => option.value) : []

/** Whether a value can live in `field` as it is (or after a lossless reshaping, returned), or `undefined`. */
function fit(value: unknown, field: FormField): { value: FieldValue } | undefined {
  switch (field.type) {
    case 'text':
    case 'longText':
      return typeof value === 'string' ? { value } : undefined
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? { value } : undefined
    case 'number':
    case 'percent':
      return typeof value === 'number' ? { value } : undefined
    case 'date':
      return typeof value === 'string' && isPartialDate(value.trim()) ? { value } : undefined
    case 'yesNo':
      return typeof value === 'boolean' ? { value } : undefined
    case 'select': {
      const single = Array.isArray(value) && value.length === 1 ? (value[0] as unknown) : value
      return typeof single === 'string' && choices(field).includes(single) ? { value: single } : undefined
    }
    case 'multiSelect': {
      const list = typeof value === 'string' ? [value] : value
      const isFit =
        Array.isArray(list) && list.every((item) => typeof item === 'string' && choices(field).includes(item))
      return isFit ? { value: list as string[] } : undefined
    }
    case 'proportion':
      return isRecord(value) && Object.keys(value).every((key) => key === 'events' || key === 'total')
        ? {
            value: {
              events: (value.events as number | null) ?? null,
              total: (value.total as number | null) ?? null,
            },
          }
        : undefined
    case 'arms':
      return Array.isArray(value) ? { value: value as FieldValue } : undefined
    case 'outcomeGrid':
      return isRecord(value) ? { value: value as FieldValue } : undefined
  }
}

type Bag = { entries: OrphanedValues; version: number }

function orphan(bag: Bag, entry: Omit<OrphanedValue, 'formVersion'>): void {
  let key = `${entry.path}@v${bag.version}`
  for (let copy = 2; key in bag.entries; copy += 1) key = `${entry.path}@v${bag.version}#${copy}`
  bag.entries[key] = { ...entry, formVersion: bag.version }
}

function cellLabel(grid: OutcomeGridField, outcomeId: string, timepointId: string): string {
  const outcome = grid.outcomes.find((o) => o.id === outcomeId)
  const timepoint = outcome && outcomeTimepoints(outcome).find((t) => t.id === timepointId)
  const parts = [grid.label, outcome?.label ?? outcomeId, timepoint?.label ?? timepointId]
  return parts.filter((part) => part !== '').join(' › ')
}

/** Keep the cells the new grid has a place for; orphan the rest grouped by outcome × timepoint. */
function migrateGrid(
  grid: Record<string, unknown>,
  fromGrid: OutcomeGridField | undefined,
  toGrid: OutcomeGridField,
  bag: Bag,
): FieldValue {
  const kept: Record<string, Record<string, Record<string, unknown>>> = {}
  const lost = new Map<string, Record<string, unknown>>()
  for (const [armId, byOutcome] of Object.entries(grid)) {
    if (!isRecord(byOutcome)) continue
    for (const [outcomeId, byTimepoint] of Object.entries(byOutcome)) {
      if (!isRecord(byTimepoint)) continue
      const outcome = toGrid.outcomes.find((o) => o.id === outcomeId)
      const timepointIds = outcome ? outcomeTimepoints(outcome).map((t) => t.id) : []
      for (const [timepointId, cell] of Object.entries(byTimepoint)) {
        if (!isFilled(cell)) continue
        if (timepointIds.includes(timepointId)) {
          ;((kept[armId] ??= {})[outcomeId] ??= {})[timepointId] = cell
        } else {
          const path = `${toGrid.id}.${outcomeId}.${timepointId}`
          lost.set(path, { ...lost.get(path), [armId]: cell })
        }
      }
    }
  }
  for (const [path, byArm] of lost) {
    const [, outcomeId = '', timepointId = ''] = path.split('.')
    const label = cellLabel(fromGrid ?? toGrid, outcomeId, timepointId)
    orphan(bag, { path, label, fieldType: 'outcomeCell', value: byArm })
  }
  return kept as FieldValue
}

/** Bring back orphaned values the new form has a place for again (a field or outcome re-added). */
function restore(values: ExtractionValues, toForm: ExtractionForm, bag: Bag): void {
  // Newest first, so a field removed twice gets its latest value back.
  const entries = Object.entries(bag.entries).sort(([, a], [, b]) => b.formVersion - a.formVersion)
  for (const [key, entry] of entries) {
    const field = findField(toForm, entry.path)
    if (field !== undefined && !isFilled(values[field.id])) {
      if (field.type === 'outcomeGrid') {
        if (entry.fieldType !== 'outcomeGrid' || !isRecord(entry.value)) continue
        delete bag.entries[key]
        // A grid re-added with other outcomes: cells without a place go back to the bag one by one.
        values[field.id] = migrateGrid(entry.value, undefined, field, bag)
        continue
      }
      const fitted = fit(entry.value, field)
      if (fitted !== undefined) {
        values[field.id] = fitted.value
        delete bag.entries[key]
      }
      continue
    }
    if (entry.fieldType !== 'outcomeCell' || !isRecord(entry.value)) continue
    const [gridId = '', outcomeId = '', timepointId = ''] = entry.path.split('.')
    const grid = findField(toForm, gridId)
    const outcome = grid?.type === 'outcomeGrid' ? grid.outcomes.find((o) => o.id === outcomeId) : undefined
    if (!outcome || !outcomeTimepoints(outcome).some((t) => t.id === timepointId)) continue
    const gridValue = (isRecord(values[gridId]) ? values[gridId] : {}) as Record<
      string,
      Record<string, unknown>
    >
    const byArm = Object.entries(entry.value)
    if (
      byArm.some(([armId]) =>
        isFilled((gridValue[armId]?.[outcomeId] as Record<string, unknown>)?.[timepointId]),
      )
    ) {
      continue
    }
    for (const [armId, cell] of byArm) {
      const byOutcome = (gridValue[armId] ??= {})
      byOutcome[outcomeId] = {
        ...(isRecord(byOutcome[outcomeId]) ? byOutcome[outcomeId] : {}),
        [timepointId]: cell,
      }
    }
    values[gridId] = gridValue as FieldValue
    delete bag.entries[key]
  }
}

/**
 * Move an extraction's values from one form version to another without losing any. Field ids are the identity:
 * a relabelled field keeps its value; a value whose field is gone, changed type incompatibly (text → integer with
 * "n/a" in it) or lost the chosen option goes to the orphaned bag with its old label; outcome cells of removed
 * outcomes or timepoints likewise. Lossless reshaping is done (select ↔ multi-select of one, integer → number).
 * Bounds are not enforced here: an out-of-bounds value stays and the schema flags it.
 * `orphaned` is the extraction's existing bag; entries are restored when the new form has a place for them again.
 * Inputs are not modified.
 */
export function migrateValues(
  values: Readonly<Record<string, unknown>>,
  fromForm: ExtractionForm,
  toForm: ExtractionForm,
  orphaned: Readonly<OrphanedValues> = {},
): MigrationResult {
  const bag: Bag = { entries: { ...orphaned }, version: fromForm.version }
  const result: ExtractionValues = {}
  for (const [id, value] of Object.entries(values)) {
    if (!isFilled(value)) continue
    const fromField = findField(fromForm, id)
    const toField = findField(toForm, id)
    const label = fromField?.label ?? toField?.label ?? id
    const fieldType = fromField?.type ?? toField?.type ?? 'text'
    if (toField?.type === 'outcomeGrid' && isRecord(value) && fieldType === 'outcomeGrid') {
      result[id] = migrateGrid(value, fromField?.type === 'outcomeGrid' ? fromField : undefined, toField, bag)
      continue
    }
    if (toField?.type === 'multiSelect' && Array.isArray(value)) {
      // Keep the choices that still exist; orphan only the ones whose option was removed.
      const options = choices(toField)
      const kept = value.filter((item) => typeof item === 'string' && options.includes(item))
      const lost = value.filter((item) => !kept.includes(item))
      result[id] = kept
      if (lost.length > 0) orphan(bag, { path: id, label, fieldType, value: lost })
      continue
    }
    const fitted = toField === undefined ? undefined : fit(value, toField)
    if (fitted !== undefined) result[id] = fitted.value
    else orphan(bag, { path: id, label, fieldType, value })
  }
  restore(result, toForm, bag)
  for (const field of formFields(toForm)) result[field.id] ??= emptyFieldValue(field)
  return { values: result, orphaned: bag.entries }
}
