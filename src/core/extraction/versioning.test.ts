import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { testForm } from './__fixtures__/forms'
import type { ExtractionForm, FormField, FormSection } from './form'
import { migrateValues, reviseForm, type OrphanedValues } from './versioning'

const study = testForm.sections[0]!

function withStudyFields(form: ExtractionForm, fields: FormField[]): ExtractionForm {
  const sections: FormSection[] = form.sections.map((s) => (s.id === 'study' ? { ...s, fields } : s))
  return { ...form, version: form.version + 1, sections }
}

describe('reviseForm', () => {
  it('bumps the version and keeps the id', () => {
    const result = reviseForm(testForm, { name: 'Renamed' })
    expect(result.ok && [result.form.id, result.form.name, result.form.version]).toEqual([
      'test',
      'Renamed',
      2,
    ])
  })

  it('refuses a revision that breaks the form', () => {
    const fields = [...study.fields, { id: 'country', label: 'Again', type: 'text' } as const]
    const result = reviseForm(testForm, { sections: [{ ...study, fields }, ...testForm.sections.slice(1)] })
    expect(result.ok).toBe(false)
  })
})

describe('migrateValues', () => {
  const values = {
    country: 'France',
    notes: 'n/a',
    design: 'rct',
    site: ['pancreas', 'small-intestine'],
    n_patients: 40,
    outcomes: {
      armA: { median_os: { overall: { value: 40 } }, os: { y5: { value: 60 }, y10: { value: 30 } } },
    },
  }

  it('keeps relabelled fields and orphans removed ones with their old labels', () => {
    const fields = study.fields
      .filter((field) => field.id !== 'country')
      .map((field) => (field.id === 'n_patients' ? { ...field, label: 'Patients (n)' } : field))
    const next = withStudyFields(testForm, fields)
    const { values: migrated, orphaned } = migrateValues(values, testForm, next)
    expect(migrated.n_patients).toBe(40)
    expect(migrated.country).toBeUndefined()
    expect(orphaned).toEqual({
      'country@v1': { path: 'country', label: 'Country', fieldType: 'text', formVersion: 1, value: 'France' },
    })
  })

  it('orphans values that no longer fit: changed type, removed option, removed outcome timepoint', () => {
    const fields = study.fields.map((field): FormField => {
      if (field.id === 'notes') return { id: 'notes', label: 'Notes (count)', type: 'integer' }
      const pancreas = [{ value: 'pancreas', label: 'Pancreas' }]
      if (field.id === 'design' && field.type === 'select') {
        return { ...field, options: [{ value: 'case-series', label: 'Case series' }] }
      }
      if (field.id === 'site' && field.type === 'multiSelect') return { ...field, options: pancreas }
      return field
    })
    const grid = testForm.sections[2]!
    const gridField = grid.fields[0]!
    if (gridField.type !== 'outcomeGrid') throw new Error('fixture')
    const outcomes = gridField.outcomes.map((o) =>
      o.id === 'os' ? { ...o, timepoints: o.timepoints?.slice(0, 1) } : o,
    )
    const next = withStudyFields(testForm, fields)
    next.sections[2] = { ...grid, fields: [{ ...gridField, outcomes }] }
    const { values: migrated, orphaned } = migrateValues(values, testForm, next)
    expect(migrated).toMatchObject({
      notes: null,
      design: null,
      site: ['pancreas'],
      outcomes: { armA: { median_os: { overall: { value: 40 } }, os: { y5: { value: 60 } } } },
    })
    expect(Object.values(orphaned).map(({ path, label, value }) => [path, label, value])).toEqual([
      ['notes', 'Notes', 'n/a'],
      ['design', 'Study design', 'rct'],
      ['site', 'Primary site', ['small-intestine']],
      ['outcomes.os.y10', 'Outcomes › Overall survival › 10 years', { armA: { value: 30 } }],
    ])
  })

  it('restores an orphaned value when a later version brings the field back', () => {
    const without = withStudyFields(
      testForm,
      study.fields.filter((field) => field.id !== 'country'),
    )
    const first = migrateValues(values, testForm, without)
    const back = { ...testForm, version: 3 }
    const second = migrateValues(first.values, without, back, first.orphaned)
    expect(second.values.country).toBe('France')
    expect(second.orphaned).toEqual({})
  })

  it('reshapes losslessly: select to multi-select and back, integer to number', () => {
    const fields = study.fields.map((field): FormField => {
      if (field.id === 'design' && field.type === 'select') return { ...field, type: 'multiSelect' }
      if (field.id === 'n_patients') return { id: 'n_patients', label: 'N', type: 'number' }
      return field
    })
    const next = withStudyFields(testForm, fields)
    const { values: migrated, orphaned } = migrateValues(values, testForm, next)
    expect([migrated.design, migrated.n_patients, orphaned]).toEqual([['rct'], 40, {}])
    expect(migrateValues(migrated, next, { ...testForm, version: 3 }).values.design).toBe('rct')
  })

  it('does not modify its inputs', () => {
    const copy = structuredClone(values)
    const orphaned: OrphanedValues = {}
    migrateValues(values, testForm, withStudyFields(testForm, []), orphaned)
    expect(values).toEqual(copy)
    expect(orphaned).toEqual({})
  })
})

/**
 * Every entered primitive in a value, as sortable text: what "no value lost" counts. Blank text is "not entered"
 * everywhere in extraction (as for required fields), so it is not a value to keep.
 */
function leaves(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(leaves)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leaves)
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return []
  return [JSON.stringify(value)]
}

const fieldPool: FormField[] = [
  { id: 'a', label: 'A', type: 'text' },
  { id: 'a', label: 'A as number', type: 'integer' },
  { id: 'b', label: 'B', type: 'select', options: [{ value: 'x', label: 'X' }] },
  { id: 'b', label: 'B many', type: 'multiSelect', options: [{ value: 'y', label: 'Y' }] },
  { id: 'c', label: 'C', type: 'proportion' },
  { id: 'c', label: 'C yes', type: 'yesNo' },
  { id: 'd', label: 'D', type: 'date' },
  { id: 'd', label: 'D %', type: 'percent' },
]

const formArb = (version: number) =>
  fc.subarray(fieldPool).map((candidates): ExtractionForm => {
    const fields = candidates.filter(
      (field, index) => candidates.findIndex((f) => f.id === field.id) === index,
    )
    return { id: 'f', name: 'F', version, sections: [{ id: 's', label: 'S', fields }] }
  })

const valueArb = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constantFrom('x', 'y', '2020-01'),
  fc.array(fc.constantFrom('x', 'y', 'z')),
  fc.record({ events: fc.option(fc.nat()), total: fc.option(fc.nat()) }),
)

describe('migrateValues (property)', () => {
  it('never loses a value, over any chain of form versions', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), valueArb),
        fc.array(formArb(1), { minLength: 1, maxLength: 4 }),
        (values, forms) => {
          const chain = forms.map((form, index) => ({ ...form, version: index + 1 }))
          let current: Record<string, unknown> = values
          let orphaned: OrphanedValues = {}
          let from: ExtractionForm = { id: 'f', name: 'F', version: 0, sections: [] }
          for (const to of chain) {
            ;({ values: current, orphaned } = migrateValues(current, from, to, orphaned))
            from = to
          }
          const kept = [
            ...leaves(current),
            ...leaves(Object.values(orphaned).map((entry) => entry.value)),
          ].sort()
          const before = leaves(values)
          for (const leaf of before) {
            const index = kept.indexOf(leaf)
            expect(index, `${leaf} was lost`).toBeGreaterThanOrEqual(0)
            kept.splice(index, 1)
          }
        },
      ),
    )
  })
})

describe('migrateValues (property, outcome grid)', () => {
  const gridSection = testForm.sections[2]!
  const gridField = gridSection.fields[0]!
  if (gridField.type !== 'outcomeGrid') throw new Error('fixture')
  const cell = fc.record({ events: fc.nat(20), value: fc.double({ noNaN: true }) }, { requiredKeys: [] })
  const grid = fc.dictionary(
    fc.constantFrom('armA', 'armB'),
    fc.dictionary(
      fc.constantFrom('response', 'os', 'median_os', 'gone'),
      fc.dictionary(fc.constantFrom('overall', 'y5', 'y10'), cell),
    ),
  )

  it('keeps or orphans every cell when outcomes and timepoints are removed and re-added', () => {
    fc.assert(
      fc.property(grid, fc.subarray(gridField.outcomes.map((o) => o.id)), (outcomes, keptIds) => {
        const narrower: ExtractionForm = {
          ...testForm,
          version: 2,
          sections: [
            ...testForm.sections.slice(0, 2),
            {
              ...gridSection,
              fields: [{ ...gridField, outcomes: gridField.outcomes.filter((o) => keptIds.includes(o.id)) }],
            },
          ],
        }
        const first = migrateValues({ outcomes }, testForm, narrower)
        const second = migrateValues(first.values, narrower, { ...testForm, version: 3 }, first.orphaned)
        for (const step of [first, second]) {
          const kept = [...leaves(step.values), ...leaves(Object.values(step.orphaned).map((e) => e.value))]
          expect(kept.sort()).toEqual(leaves(outcomes).sort())
        }
      }),
    )
  })
})
