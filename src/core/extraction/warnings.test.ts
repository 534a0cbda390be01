import { describe, expect, it } from 'vitest'
import { testForm } from './__fixtures__/forms'
import { formWarnings } from './warnings'

const arms = [
  { id: 'armA', label: 'TACE', modality: 'tace', technique: '', n: 20 },
  { id: 'armB', label: 'TAE', modality: 'tae', technique: '', n: 20 },
]
const base = { n_patients: 40, arms }

describe('formWarnings', () => {
  it('gives no warnings for plausible values', () => {
    const outcomes = {
      armA: {
        response: { overall: { events: 8, total: 18, cr: 2, pr: 6, sd: 7, pd: 3 } },
        median_os: { overall: { value: 40 } },
        median_pfs: { overall: { value: 18 } },
        os: { y5: { value: 60 }, y10: { value: 35 } },
      },
    }
    expect(formWarnings({ ...base, outcomes }, testForm)).toEqual([])
  })

  it('flags survival at 10 years above survival at 5 years', () => {
    const outcomes = { armA: { os: { y5: { value: 35 }, y10: { events: 12, total: 20 } } } }
    expect(formWarnings({ ...base, outcomes }, testForm)).toEqual([
      {
        path: 'outcomes.armA.os.y10.value',
        message: 'TACE: Overall survival at 10 years (60) is higher than at 5 years (35).',
      },
    ])
  })

  it('flags CR + PR + SD + PD above the evaluable patients and responses that are not CR + PR', () => {
    const outcomes = { armB: { response: { overall: { events: 9, total: 10, cr: 1, pr: 5, sd: 4, pd: 2 } } } }
    expect(formWarnings({ ...base, outcomes }, testForm).map((warning) => warning.message)).toEqual([
      'TAE: Objective response: CR + PR + SD + PD (12) is more than the 10 evaluable.',
      'TAE: Objective response: responses (9) differ from CR + PR (6).',
    ])
  })

  it('flags median PFS above median OS', () => {
    const outcomes = {
      armA: { median_os: { overall: { value: 20 } }, median_pfs: { overall: { value: 24.5 } } },
    }
    expect(formWarnings({ ...base, outcomes }, testForm)).toEqual([
      {
        path: 'outcomes.armA.median_pfs.overall.value',
        message: 'TACE: Median PFS (24.5) is more than Median OS (20).',
      },
    ])
  })

  it('flags a cell total above the arm n and arms adding up to more than the study', () => {
    const bigArms = [
      { ...arms[0], n: 30 },
      { ...arms[1], n: 30 },
    ]
    const outcomes = { armA: { response: { overall: { events: 3, total: 31 } } } }
    expect(formWarnings({ n_patients: 40, arms: bigArms, outcomes }, testForm).map((w) => w.path)).toEqual([
      'arms',
      'outcomes.armA.response.overall.total',
    ])
  })

  it('never throws on values it cannot read', () => {
    expect(formWarnings({ arms: 'x', outcomes: [1, 2], n_patients: {} }, testForm)).toEqual([])
    expect(formWarnings({ arms: [null, { id: 'a' }], outcomes: { a: { os: 'x' } } }, testForm)).toEqual([])
  })
})
