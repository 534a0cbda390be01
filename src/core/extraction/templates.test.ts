import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { armsField, formFields, outcomeGrids } from './form'
import { checkForm, parseFormJson } from './form-parse'

const template = (name: string) =>
  readFileSync(new URL(`../../../resources/forms/${name}.json`, import.meta.url), 'utf8')

describe('form templates', () => {
  it('parses the NETLM template with its study characteristics, arms and outcomes', () => {
    const result = parseFormJson(template('netlm'))
    if (!result.ok) throw new Error(result.errors.join('\n'))
    const ids = formFields(result.form).map((field) => field.id)
    for (const id of [
      'country',
      'centres',
      'period_start',
      'design',
      'n_patients',
      'primary_site',
      'functional',
    ]) {
      expect(ids).toContain(id)
    }
    expect(ids).toEqual(expect.arrayContaining(['liver_burden', 'prior_treatment', 'notes']))
    expect(armsField(result.form)?.studyTotalFieldId).toBe('n_patients')
    const outcomes = outcomeGrids(result.form).flatMap((grid) => grid.outcomes)
    const response = outcomes.find((outcome) => outcome.id === 'objective_response')
    expect(response?.hasResponseCounts).toBe(true)
    expect(response?.criteria?.map((option) => option.label)).toEqual(
      expect.arrayContaining(['WHO', 'RECIST 1.1', 'mRECIST', 'EASL']),
    )
    const survival = outcomes.find((outcome) => outcome.id === 'overall_survival')
    expect(survival?.timepoints?.map((timepoint) => timepoint.months)).toEqual([12, 36, 60, 120])
    expect(outcomes.map((outcome) => outcome.id)).toEqual(
      expect.arrayContaining([
        'symptom_relief',
        'biochemical_response_cga',
        'biochemical_response_5hiaa',
        'median_os',
        'median_pfs',
        'complications',
        'post_embolization_syndrome',
        'mortality_30d',
        'follow_up',
      ]),
    )
  })

  it('parses the blank template', () => {
    const result = parseFormJson(template('blank'))
    if (!result.ok) throw new Error(result.errors.join('\n'))
    expect(formFields(result.form).map((field) => field.id)).toEqual(['n_patients', 'notes'])
  })
})

describe('parseFormJson', () => {
  const minimal = {
    id: 'f',
    name: 'Form',
    version: 1,
    sections: [{ id: 's', label: 'S', fields: [] as unknown[] }],
  }
  const withFields = (...fields: unknown[]) => ({ ...minimal, sections: [{ id: 's', label: 'S', fields }] })
  const errorsOf = (value: unknown) => {
    const result = checkForm(value)
    return result.ok ? [] : result.errors
  }

  it('reports invalid JSON instead of throwing', () => {
    const result = parseFormJson('{ "id": ')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]).toMatch(/^not valid JSON/)
  })

  it('names the place of a problem', () => {
    const errors = errorsOf(withFields({ id: 'x', label: 'X', type: 'slider' }))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^sections\[0\]\.fields\[0\]/)
    expect(errors[0]).toMatch(/type/)
  })

  it('refuses duplicate field ids across sections', () => {
    const value = {
      ...minimal,
      sections: [
        { id: 'a', label: 'A', fields: [{ id: 'n', label: 'N', type: 'integer' }] },
        { id: 'b', label: 'B', fields: [{ id: 'n', label: 'N again', type: 'text' }] },
      ],
    }
    expect(errorsOf(value)).toEqual([expect.stringContaining('"n" is used more than once')])
  })

  it('refuses ids that cannot be value keys, unknown properties, and min above max', () => {
    expect(errorsOf(withFields({ id: 'a.b', label: 'A', type: 'text' }))[0]).toMatch(/starts with a letter/)
    expect(errorsOf(withFields({ id: 'a', label: 'A', type: 'text', colour: 'red' }))[0]).toMatch(/colour/)
    expect(errorsOf(withFields({ id: 'a', label: 'A', type: 'integer', min: 5, max: 1 }))).toEqual([
      'field "a": min (5) is more than max (1)',
    ])
  })

  it('checks references: grids need arms, studyTotalFieldId and atMost must exist', () => {
    const grid = { id: 'g', label: 'G', type: 'outcomeGrid', outcomes: [] }
    expect(errorsOf(withFields(grid))).toEqual([
      'fields: an outcome grid needs an arms field in the same form',
    ])
    const arms = { id: 'arms', label: 'Arms', type: 'arms', studyTotalFieldId: 'missing' }
    expect(errorsOf(withFields(arms))[0]).toMatch(/studyTotalFieldId "missing"/)
    const outcome = { id: 'pfs', label: 'PFS', kind: 'time-to-event-median', atMost: 'os' }
    const badGrid = { ...grid, outcomes: [outcome] }
    expect(errorsOf(withFields({ id: 'arms', label: 'Arms', type: 'arms' }, badGrid))[0]).toMatch(
      /atMost "os"/,
    )
  })

  it('refuses a select without options and repeated option values', () => {
    expect(errorsOf(withFields({ id: 's1', label: 'S', type: 'select', options: [] }))[0]).toMatch(
      /at least one option/,
    )
    const options = [
      { value: 'x', label: 'X' },
      { value: 'x', label: 'Y' },
    ]
    expect(errorsOf(withFields({ id: 's1', label: 'S', type: 'select', options }))[0]).toMatch(
      /"x" is used more/,
    )
  })
})
