import { describe, expect, it } from 'vitest'
import { testForm } from './__fixtures__/forms'
import { schemaFor } from './schema'
import { emptyValues } from './values'

const complete = schemaFor(testForm, { mode: 'complete' })
const draft = schemaFor(testForm, { mode: 'draft' })

const valid = {
  ...emptyValues(testForm),
  n_patients: 40,
  design: 'case-series',
  arms: [{ id: 'armA', label: 'TACE', modality: 'tace', technique: 'doxorubicin', n: 40 }],
}

/** The messages zod gives, keyed by dotted path. */
function errors(schema: typeof complete, values: Record<string, unknown>): Record<string, string> {
  const result = schema.safeParse(values)
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

describe('schemaFor', () => {
  it('accepts a valid extraction and coerces form input to stored values', () => {
    const result = complete.safeParse({
      ...valid,
      n_patients: '40',
      age: '61,5',
      male: '',
      functional: { events: '12', total: '40' },
      site: 'pancreas',
      multicentre: 'yes',
      start: '1995',
    })
    expect(result.success).toBe(true)
    if (!result.success) return
    expect(result.data).toMatchObject({
      n_patients: 40,
      age: 61.5,
      male: null,
      functional: { events: 12, total: 40 },
      site: ['pancreas'],
      multicentre: true,
      start: '1995',
    })
  })

  it('requires required fields when complete but not in a draft', () => {
    const empty = emptyValues(testForm)
    expect(errors(complete, empty)).toMatchObject({
      n_patients: 'Number of patients is required.',
      design: 'Study design is required.',
      arms: 'Arms: add at least one arm.',
    })
    expect(errors(draft, empty)).toEqual({})
  })

  it('still checks what a draft has entered', () => {
    expect(errors(draft, { ...emptyValues(testForm), n_patients: 2.5 })).toEqual({
      n_patients: 'Number of patients must be a whole number.',
    })
  })

  it('gives clear messages per type', () => {
    expect(
      errors(complete, {
        ...valid,
        country: 'x'.repeat(21),
        n_patients: 'forty',
        age: 130,
        male: 101,
        functional: { events: 5, total: 3 },
        design: 'cohort',
        site: ['pancreas', 'liver'],
        multicentre: 'maybe',
        start: '2023-02-30',
      }),
    ).toEqual({
      country: 'Country must be at most 20 characters.',
      n_patients: 'Number of patients must be a number.',
      age: 'Mean age must be between 0 and 120 years.',
      male: 'Male must be between 0 and 100 %.',
      'functional.events': 'Functional tumours: events (5) cannot be more than the total (3).',
      design: 'Study design: "cohort" is not one of the options.',
      site: 'Primary site: "liver" is not one of the options.',
      multicentre: 'Multicentre: answer yes or no.',
      start: 'Study period from: enter a date as YYYY, YYYY-MM or YYYY-MM-DD.',
    })
  })

  it('wants proportions as non-negative whole numbers', () => {
    expect(errors(complete, { ...valid, functional: { events: -1, total: 2.5 } })).toEqual({
      'functional.events': 'Functional tumours: events must be at least 0.',
      'functional.total': 'Functional tumours: total must be a whole number.',
    })
  })

  it('flags an arm larger than the study, even when another field is wrong too', () => {
    const arms = [
      { id: 'armA', label: 'TACE', modality: 'tace', technique: '', n: 30 },
      { id: 'armB', label: '', modality: 'tae', technique: '', n: 50 },
    ]
    expect(errors(draft, { ...valid, n_patients: 40, arms, male: 200 })).toEqual({
      male: 'Male must be between 0 and 100 %.',
      'arms.1.n': "Arm 2: n (50) is more than the study's number of patients (40).",
    })
  })

  it('requires arm labels and modalities only when complete', () => {
    const arms = [{ id: 'armA', label: '', modality: '', technique: '', n: null }]
    expect(errors(complete, { ...valid, arms })).toEqual({
      'arms.0.label': 'Arm label is required.',
      'arms.0.modality': 'Arm modality is required.',
    })
    expect(errors(draft, { ...valid, arms })).toEqual({})
  })

  it('validates outcome cells by outcome kind', () => {
    const outcomes = {
      armA: {
        response: { overall: { events: 9, total: 8, criteria: 'who', cr: -1 } },
        median_os: { overall: { value: -3 } },
        os: { y5: { value: 120 } },
        complications: { overall: { events: 1.5 } },
      },
    }
    expect(errors(complete, { ...valid, outcomes })).toEqual({
      'outcomes.armA.response.overall.events':
        'Objective response: events (9) cannot be more than the total (8).',
      'outcomes.armA.response.overall.criteria': 'Objective response: "who" is not one of the criteria.',
      'outcomes.armA.response.overall.cr': 'Objective response: CR must be at least 0.',
      'outcomes.armA.median_os.overall.value': 'Median OS: value must be at least 0 months.',
      'outcomes.armA.os.y5.value': 'Overall survival: value must be between 0 and 100 %.',
      'outcomes.armA.complications.overall.events': 'Complications: count must be a whole number.',
    })
  })

  it('keeps values the form does not know (fields of earlier versions)', () => {
    const result = complete.safeParse({ ...valid, old_field: 'kept' })
    expect(result.success && result.data.old_field).toBe('kept')
  })
})
