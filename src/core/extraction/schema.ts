import { z } from 'zod'
import {
  isPartialDate,
  toChoiceInput,
  toChoicesInput,
  toNumberInput,
  toTextInput,
  toYesNoInput,
} from './coerce'
import {
  armsField,
  findField,
  formFields,
  outcomeTimepoints,
  type ArmsField,
  type ExtractionForm,
  type FieldOption,
  type FormField,
  type NumberField,
  type OutcomeDefinition,
  type OutcomeGridField,
} from './form'
import { isRecord, numberOrNull, readArms, type ExtractionValues } from './values'

/**
 * `draft` lets required fields stay empty (autosave of a half-done extraction); `complete` enforces them.
 * Both check everything that is entered: types, bounds, events ≤ total, arm n ≤ study n.
 */
export type SchemaMode = 'draft' | 'complete'

type Bounds = { min?: number; max?: number; isInteger?: boolean; unit?: string }

function describeBound(bound: number, unit: string | undefined): string {
  if (unit === undefined || unit === '') return String(bound)
  return unit === '%' ? `${bound} %` : `${bound} ${unit}`
}

/** A number input: coerced, checked for whole numbers and bounds, `null` when empty (an error if required). */
function numberSchema(label: string, bounds: Bounds, isRequired: boolean): z.ZodType<number | null> {
  const { min, max, isInteger = false, unit } = bounds
  return z
    .preprocess(toNumberInput, z.number({ error: `${label} must be a number.` }).nullable())
    .superRefine((value, ctx) => {
      if (value === null) {
        if (isRequired) ctx.addIssue({ code: 'custom', message: `${label} is required.` })
        return
      }
      if (!Number.isFinite(value))
        ctx.addIssue({ code: 'custom', message: `${label} must be a finite number.` })
      else if (isInteger && !Number.isInteger(value)) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a whole number.` })
      } else if (min !== undefined && max !== undefined && (value < min || value > max)) {
        const range = `${label} must be between ${min} and ${describeBound(max, unit)}.`
        ctx.addIssue({ code: 'custom', message: range })
      } else if (min !== undefined && value < min) {
        ctx.addIssue({ code: 'custom', message: `${label} must be at least ${describeBound(min, unit)}.` })
      } else if (max !== undefined && value > max) {
        ctx.addIssue({ code: 'custom', message: `${label} must be at most ${describeBound(max, unit)}.` })
      }
    })
}

function numberFieldBounds(field: NumberField): Bounds {
  if (field.type !== 'percent') {
    return { min: field.min, max: field.max, isInteger: field.type === 'integer', unit: field.unit }
  }
  // A percent is 0–100 whatever the designer set; a designer's narrower bounds still apply.
  return { min: Math.max(0, field.min ?? 0), max: Math.min(100, field.max ?? 100), unit: '%' }
}

const countBounds: Bounds = { min: 0, isInteger: true }

/** Events and total: both non-negative integers, events ≤ total; a required proportion needs both. */
function proportionSchema(label: string, isRequired: boolean) {
  return z
    .object({
      events: numberSchema(`${label}: events`, countBounds, isRequired),
      total: numberSchema(`${label}: total`, countBounds, isRequired),
    })
    .superRefine(({ events, total }, ctx) => {
      if (events !== null && total !== null && events > total) {
        const message = `${label}: events (${events}) cannot be more than the total (${total}).`
        ctx.addIssue({ code: 'custom', path: ['events'], message })
      }
    })
}

function choiceSchema(label: string, options: readonly FieldOption[] | undefined, isRequired: boolean) {
  const allowed = options?.map((option) => option.value)
  return z
    .preprocess(toChoiceInput, z.string({ error: `${label}: choose one option.` }).nullable())
    .superRefine((value, ctx) => {
      if (value === null) {
        if (isRequired) ctx.addIssue({ code: 'custom', message: `${label} is required.` })
      } else if (allowed !== undefined && !allowed.includes(value)) {
        ctx.addIssue({ code: 'custom', message: `${label}: "${value}" is not one of the options.` })
      }
    })
}

function textSchema(label: string, isRequired: boolean, maxLength?: number) {
  return z
    .preprocess(toTextInput, z.string({ error: `${label} must be text.` }))
    .superRefine((value, ctx) => {
      if (isRequired && value.trim() === '')
        ctx.addIssue({ code: 'custom', message: `${label} is required.` })
      if (maxLength !== undefined && value.length > maxLength) {
        ctx.addIssue({ code: 'custom', message: `${label} must be at most ${maxLength} characters.` })
      }
    })
}

function armsSchema(field: ArmsField, mode: SchemaMode) {
  const isComplete = mode === 'complete'
  const arm = z.object({
    id: z.string({ error: 'An arm needs an id.' }).min(1, { error: 'An arm needs an id.' }),
    label: textSchema('Arm label', isComplete),
    modality:
      field.modalityOptions === undefined
        ? textSchema('Arm modality', isComplete)
        : choiceSchema('Arm modality', field.modalityOptions, isComplete).transform((value) => value ?? ''),
    technique: textSchema('Technique or agent', false),
    n: numberSchema('Arm n', countBounds, false),
  })
  return z
    .preprocess((value) => (value === undefined || value === null ? [] : value), z.array(arm))
    .superRefine((arms, ctx) => {
      if (isComplete && field.required === true && arms.length === 0) {
        ctx.addIssue({ code: 'custom', message: `${field.label}: add at least one arm.` })
      }
    })
}

function cellSchema(outcome: OutcomeDefinition) {
  const label = outcome.label
  const isPercent = outcome.kind === 'proportion' || outcome.kind === 'rate-at-timepoint'
  const valueBounds: Bounds = isPercent
    ? { min: 0, max: 100, unit: '%' }
    : outcome.kind === 'time-to-event-median'
      ? { min: 0, unit: outcome.unit }
      : outcome.kind === 'count'
        ? countBounds
        : {}
  const count = (part: string) => numberSchema(`${label}: ${part}`, countBounds, false).optional()
  const criteria = outcome.criteria?.map((option) => option.value)
  return z
    .object({
      events: count(outcome.kind === 'count' ? 'count' : 'events'),
      total: count('total'),
      value: numberSchema(`${label}: value`, valueBounds, false).optional(),
      criteria: z.preprocess(toTextInput, z.string()).optional(),
      cr: count('CR'),
      pr: count('PR'),
      sd: count('SD'),
      pd: count('PD'),
    })
    .superRefine((cell, ctx) => {
      const { events, total } = cell
      if (events != null && total != null && events > total) {
        const message = `${label}: events (${events}) cannot be more than the total (${total}).`
        ctx.addIssue({ code: 'custom', path: ['events'], message })
      }
      if (criteria !== undefined && cell.criteria && !criteria.includes(cell.criteria)) {
        const message = `${label}: "${cell.criteria}" is not one of the criteria.`
        ctx.addIssue({ code: 'custom', path: ['criteria'], message })
      }
    })
}

/** arm id → outcome id → timepoint id → cell; unknown outcomes and timepoints pass (values of older versions). */
function gridSchema(field: OutcomeGridField) {
  const byOutcome = Object.fromEntries(
    field.outcomes.map((outcome) => {
      const cell = cellSchema(outcome)
      const byTimepoint = Object.fromEntries(outcomeTimepoints(outcome).map((t) => [t.id, cell.optional()]))
      return [outcome.id, z.looseObject(byTimepoint).optional()]
    }),
  )
  return z.preprocess(
    (value) => (value === undefined || value === null ? {} : value),
    z.record(z.string(), z.looseObject(byOutcome)),
  )
}

function fieldSchema(field: FormField, mode: SchemaMode): z.ZodType {
  const isRequired = mode === 'complete' && field.required === true
  switch (field.type) {
    case 'text':
    case 'longText':
      return textSchema(field.label, isRequired, field.maxLength)
    case 'integer':
    case 'number':
    case 'percent':
      return numberSchema(field.label, numberFieldBounds(field), isRequired)
    case 'proportion':
      return z.preprocess(
        (value) => (value === undefined || value === null ? { events: null, total: null } : value),
        proportionSchema(field.label, isRequired),
      )
    case 'select':
      return choiceSchema(field.label, field.options, isRequired)
    case 'multiSelect':
      return multiSelectSchema(field.label, field.options, isRequired)
    case 'yesNo':
      return yesNoSchema(field.label, isRequired)
    case 'date':
      return dateSchema(field.label, isRequired)
    case 'arms':
      return armsSchema(field, mode)
    case 'outcomeGrid':
      return gridSchema(field)
  }
}

function multiSelectSchema(label: string, options: readonly FieldOption[], isRequired: boolean) {
  const allowed = options.map((option) => option.value)
  return z
    .preprocess(toChoicesInput, z.array(z.string(), { error: `${label}: choose from the options.` }))
    .superRefine((values, ctx) => {
      if (isRequired && values.length === 0)
        ctx.addIssue({ code: 'custom', message: `${label} is required.` })
      for (const value of values.filter((v) => !allowed.includes(v))) {
        ctx.addIssue({ code: 'custom', message: `${label}: "${value}" is not one of the options.` })
      }
    })
}

function yesNoSchema(label: string, isRequired: boolean) {
  return z
    .preprocess(toYesNoInput, z.boolean({ error: `${label}: answer yes or no.` }).nullable())
    .superRefine((value, ctx) => {
      if (isRequired && value === null) ctx.addIssue({ code: 'custom', message: `${label} is required.` })
    })
}

function dateSchema(label: string, isRequired: boolean) {
  return z
    .preprocess(
      (value) => (typeof value === 'string' ? toChoiceInput(value.trim()) : toChoiceInput(value)),
      z.string({ error: `${label} must be a date.` }).nullable(),
    )
    .superRefine((value, ctx) => {
      if (value === null) {
        if (isRequired) ctx.addIssue({ code: 'custom', message: `${label} is required.` })
      } else if (!isPartialDate(value)) {
        ctx.addIssue({ code: 'custom', message: `${label}: enter a date as YYYY, YYYY-MM or YYYY-MM-DD.` })
      }
    })
}

/** Arm n ≤ study n: needs two fields at once, so it runs on the whole object. */
function checkArmsAgainstStudy(form: ExtractionForm, values: Record<string, unknown>, ctx: z.RefinementCtx) {
  const arms = armsField(form)
  if (arms?.studyTotalFieldId === undefined) return
  const total = numberOrNull(values[arms.studyTotalFieldId])
  if (total === null) return
  const studyLabel = findField(form, arms.studyTotalFieldId)?.label ?? 'the number of patients'
  readArms(values[arms.id]).forEach((arm, index) => {
    if (arm.n !== null && arm.n > total) {
      const name = arm.label.trim() === '' ? `Arm ${index + 1}` : arm.label.trim()
      const message = `${name}: n (${arm.n}) is more than the study's ${studyLabel.toLowerCase()} (${total}).`
      ctx.addIssue({ code: 'custom', path: [arms.id, index, 'n'], message })
    }
  })
}

/**
 * A zod schema for an extraction under `form`, for react-hook-form's zod resolver and for checking stored values.
 * Parsing coerces inputs to the stored representation (numbers, booleans, `null` for "not entered") and keeps keys
 * the form does not know (values of fields from earlier versions). Error paths are form-library paths:
 * `fieldId`, `fieldId.events`, `arms.0.n`, `outcomes.<armId>.<outcomeId>.<timepointId>.value`.
 * Warnings (plausibility, not validity) are separate: see `formWarnings`.
 */
export function schemaFor(
  form: ExtractionForm,
  { mode }: { mode: SchemaMode } = { mode: 'complete' },
): z.ZodType<ExtractionValues> {
  const shape = Object.fromEntries(formFields(form).map((field) => [field.id, fieldSchema(field, mode)]))
  return z.looseObject(shape).superRefine(
    (values, ctx) => {
      if (isRecord(values)) checkArmsAgainstStudy(form, values, ctx)
    },
    // Run even when another field has an error: a reviewer should see every problem at once.
    { when: () => true },
  ) as z.ZodType<ExtractionValues>
}
