import { z } from 'zod'
import { fieldTypes, formFields, outcomeKinds, type ExtractionForm, type FormField } from './form'

/** A form definition that passed every check, or the list of problems (each names where it is). */
export type FormResult = { ok: true; form: ExtractionForm } | { ok: false; errors: string[] }

/**
 * Ids become keys of stored values and form-library paths (`arms.0.n`), so they may not contain dots or brackets
 * and must start with a letter (an all-digit key would be read as an array index).
 */
const idPattern = /^[A-Za-z][A-Za-z0-9_-]*$/
const id = z
  .string({ error: 'expected an id (text)' })
  .regex(idPattern, { error: 'an id starts with a letter and has only letters, digits, _ and -' })
const label = z
  .string({ error: 'expected a label (text)' })
  .trim()
  .min(1, { error: 'a label may not be empty' })
const text = z.string({ error: 'expected text' })
const finite = z
  .number({ error: 'expected a number' })
  .refine(Number.isFinite, { error: 'expected a finite number' })

const option = z.strictObject({ value: text.min(1, { error: 'an option value may not be empty' }), label })
const options = z.array(option, { error: 'expected a list of options' })

const base = {
  id,
  label,
  help: text.optional(),
  unit: text.optional(),
  required: z.boolean({ error: 'expected true or false' }).optional(),
}

const timepoint = z.strictObject({ id, label, months: finite.nonnegative().optional() })

const outcome = z.strictObject({
  id,
  label,
  kind: z.enum(outcomeKinds, { error: `expected one of ${outcomeKinds.join(', ')}` }),
  help: text.optional(),
  unit: text.optional(),
  criteria: options.optional(),
  hasResponseCounts: z.boolean({ error: 'expected true or false' }).optional(),
  timepoints: z.array(timepoint, { error: 'expected a list of timepoints' }).optional(),
  trend: z.enum(['non-increasing', 'non-decreasing']).optional(),
  atMost: id.optional(),
})

const field = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      ...base,
      type: z.enum(['text', 'longText']),
      maxLength: z.int().positive().optional(),
    }),
    z.strictObject({
      ...base,
      type: z.enum(['integer', 'number', 'percent']),
      min: finite.optional(),
      max: finite.optional(),
    }),
    z.strictObject({ ...base, type: z.literal('proportion') }),
    z.strictObject({ ...base, type: z.enum(['select', 'multiSelect']), options }),
    z.strictObject({ ...base, type: z.literal('yesNo') }),
    z.strictObject({ ...base, type: z.literal('date') }),
    z.strictObject({
      ...base,
      type: z.literal('arms'),
      modalityOptions: options.optional(),
      studyTotalFieldId: id.optional(),
    }),
    z.strictObject({
      ...base,
      type: z.literal('outcomeGrid'),
      outcomes: z.array(outcome, { error: 'expected a list of outcomes' }),
    }),
  ],
  { error: `expected a field whose type is one of ${fieldTypes.join(', ')}` },
)

const section = z.strictObject({ id, label, fields: z.array(field, { error: 'expected a list of fields' }) })

const formShape = z.strictObject({
  id,
  name: label,
  version: z.int({ error: 'expected a whole version number' }).positive({ error: 'versions start at 1' }),
  sections: z.array(section, { error: 'expected a list of sections' }),
})

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`,
    '',
  )
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const value of values) (seen.has(value) ? repeated : seen).add(value)
  return [...repeated]
}

/** Checks zod cannot express one field at a time: unique ids, references between fields, bounds in order. */
function crossChecks(form: ExtractionForm): string[] {
  const errors: string[] = []
  const fields = formFields(form)
  for (const repeated of duplicates(form.sections.map((s) => s.id))) {
    errors.push(`sections: the section id "${repeated}" is used more than once`)
  }
  for (const repeated of duplicates(fields.map((f) => f.id))) {
    errors.push(`fields: the field id "${repeated}" is used more than once (ids are unique across the form)`)
  }
  const arms = fields.filter((f) => f.type === 'arms')
  if (arms.length > 1) errors.push('fields: a form has at most one arms field')
  if (arms.length === 0 && fields.some((f) => f.type === 'outcomeGrid')) {
    errors.push('fields: an outcome grid needs an arms field in the same form')
  }
  for (const f of fields)
    errors.push(...fieldChecks(f, fields).map((message) => `field "${f.id}": ${message}`))
  return errors
}

function fieldChecks(f: FormField, fields: readonly FormField[]): string[] {
  const errors: string[] = []
  if (f.type === 'select' || f.type === 'multiSelect') {
    if (f.options.length === 0) errors.push('a select needs at least one option')
    for (const repeated of duplicates(f.options.map((o) => o.value))) {
      errors.push(`the option value "${repeated}" is used more than once`)
    }
  }
  if ((f.type === 'integer' || f.type === 'number' || f.type === 'percent') && f.min !== undefined) {
    if (f.max !== undefined && f.min > f.max) errors.push(`min (${f.min}) is more than max (${f.max})`)
  }
  if (f.type === 'arms' && f.studyTotalFieldId !== undefined) {
    const total = fields.find((other) => other.id === f.studyTotalFieldId)
    if (total?.type !== 'integer') {
      errors.push(`studyTotalFieldId "${f.studyTotalFieldId}" must name an integer field of this form`)
    }
  }
  if (f.type === 'outcomeGrid') {
    const ids = f.outcomes.map((o) => o.id)
    for (const repeated of duplicates(ids)) errors.push(`the outcome id "${repeated}" is used more than once`)
    for (const o of f.outcomes) {
      for (const repeated of duplicates((o.timepoints ?? []).map((t) => t.id))) {
        errors.push(`outcome "${o.id}": the timepoint id "${repeated}" is used more than once`)
      }
      if (o.atMost !== undefined && (o.atMost === o.id || !ids.includes(o.atMost))) {
        errors.push(`outcome "${o.id}": atMost "${o.atMost}" must name another outcome of this grid`)
      }
    }
  }
  return errors
}

/**
 * Check an already-parsed value (e.g. a form built in the designer) against the form model.
 * Never throws; unknown properties are errors so a typo in a template does not silently vanish.
 */
export function checkForm(value: unknown): FormResult {
  const parsed = formShape.safeParse(value)
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const where = pathText(issue.path)
        return where === '' ? issue.message : `${where}: ${issue.message}`
      }),
    }
  }
  const form: ExtractionForm = parsed.data
  const errors = crossChecks(form)
  return errors.length > 0 ? { ok: false, errors } : { ok: true, form }
}

/** Parse a form definition from JSON text (a template file or an imported form). Never throws. */
export function parseFormJson(text: string): FormResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      errors: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`],
    }
  }
  return checkForm(value)
}
