import {
  armsField,
  formFields,
  outcomeKinds,
  type ExtractionForm,
  type FieldType,
  type FormField,
  type OutcomeKind,
} from '../../../../core/extraction/form'

/** What the designer's "Add a field" form collects. Numbers are text as typed; '' is "not set". */
export type NewFieldInput = {
  label: string
  type: FieldType
  /** Shown under the input while extracting; '' is none. */
  help: string
  unit: string
  isRequired: boolean
  min: string
  max: string
  /** Select options, one per line or separated by commas. */
  options: string
  /** The first outcome of a new outcome grid. */
  outcomeLabel: string
  outcomeKind: OutcomeKind
}

export const fieldTypeLabels: Record<FieldType, string> = {
  text: 'Text',
  longText: 'Long text',
  integer: 'Whole number',
  number: 'Number',
  percent: 'Percent',
  proportion: 'Proportion (events / total)',
  select: 'Select one',
  multiSelect: 'Select several',
  yesNo: 'Yes / no',
  date: 'Date',
  arms: 'Arms (repeating group)',
  outcomeGrid: 'Outcome grid (arm × outcome × timepoint)',
}

export const outcomeKindLabels: Record<OutcomeKind, string> = {
  proportion: 'Proportion (events / total)',
  continuous: 'Continuous value',
  'time-to-event-median': 'Median time to event',
  'rate-at-timepoint': 'Rate (%) at a timepoint',
  count: 'Count',
}

export { outcomeKinds }

/**
 * The field types a form can take next: one arms field per form, and an outcome grid only once there are arms
 * (its cells are per arm).
 */
export function availableFieldTypes(sections: ExtractionForm['sections']): FieldType[] {
  const form = { id: 'x', name: 'x', version: 1, sections }
  const hasArms = armsField(form) !== undefined
  return (Object.keys(fieldTypeLabels) as FieldType[]).filter((type) =>
    type === 'arms' ? !hasArms : type === 'outcomeGrid' ? hasArms : true,
  )
}

/** An id from a label, unique in the form: ids are storage keys, so they start with a letter and have no dots. */
export function fieldIdFor(label: string, taken: ReadonlySet<string>): string {
  const slug = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
  const base = /^[a-z]/.test(slug) ? slug : `f_${slug || 'field'}`
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`
  return id
}

function optionalNumber(text: string): number | undefined {
  const value = Number(text.trim().replace(',', '.'))
  return text.trim() === '' || !Number.isFinite(value) ? undefined : value
}

/** The field the designer adds; checked with the whole form when the version is saved. */
export function buildField(input: NewFieldInput, sections: ExtractionForm['sections']): FormField {
  const form = { id: 'x', name: 'x', version: 1, sections }
  const taken = new Set(formFields(form).map((field) => field.id))
  const id = fieldIdFor(input.label, taken)
  const base = {
    id,
    label: input.label.trim(),
    ...(input.help.trim() ? { help: input.help.trim() } : {}),
    ...(input.unit.trim() ? { unit: input.unit.trim() } : {}),
    ...(input.isRequired ? { required: true } : {}),
  }
  switch (input.type) {
    case 'integer':
    case 'number':
    case 'percent': {
      const min = optionalNumber(input.min)
      const max = optionalNumber(input.max)
      return {
        ...base,
        type: input.type,
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
      }
    }
    case 'select':
    case 'multiSelect': {
      const labels = input.options.split(/[\n,]/).map((option) => option.trim())
      const options = labels.filter(Boolean).map((label) => ({ value: fieldIdFor(label, new Set()), label }))
      return { ...base, type: input.type, options }
    }
    case 'arms':
      return { ...base, type: 'arms' }
    case 'outcomeGrid': {
      const label = input.outcomeLabel.trim() || input.label.trim()
      return {
        ...base,
        type: 'outcomeGrid',
        outcomes: [{ id: fieldIdFor(label, taken), label, kind: input.outcomeKind }],
      }
    }
    default:
      return { ...base, type: input.type }
  }
}
