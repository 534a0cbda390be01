import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { testForm } from './__fixtures__/forms'
import { toOutcomeRows } from './outcomes'

const context = { recordId: 'rec1', reviewerId: 'alice', extractionId: 'ext1' }

const twoArmStudy = {
  n_patients: 60,
  arms: [
    { id: 'armA', label: 'TACE', modality: 'tace', technique: 'doxorubicin', n: 35 },
    { id: 'armB', label: ' Bland embolization ', modality: '', technique: 'PVA particles', n: 25 },
  ],
  outcomes: {
    armB: {
      os: { y10: { value: 20 }, y5: { events: 10, total: 25 } },
      median_os: { overall: { value: 30 } },
    },
    armA: {
      response: { overall: { cr: 3, pr: 12, sd: 10, pd: 5, total: 30, criteria: 'recist-1.1' } },
      median_os: { overall: { value: 42.5 } },
      complications: { overall: { events: 4 } },
      os: { y5: {}, y10: { value: null } },
    },
    armGone: { median_os: { overall: { value: 99 } } },
  },
}

describe('toOutcomeRows', () => {
  it('gives one row per arm × outcome × timepoint in form order', () => {
    const rows = toOutcomeRows(twoArmStudy, testForm, {
      ...context,
      armModalities: { armB: 'hae', armA: 'x' },
    })
    expect(rows.map((row) => [row.arm, row.modality, row.outcome, row.timepoint])).toEqual([
      ['TACE', 'tace', 'response', ''],
      ['TACE', 'tace', 'median_os', ''],
      ['TACE', 'tace', 'complications', ''],
      ['Bland embolization', 'hae', 'median_os', ''],
      ['Bland embolization', 'hae', 'os', '5 years'],
      ['Bland embolization', 'hae', 'os', '10 years'],
    ])
    expect(rows[0]).toEqual({
      ...context,
      armId: 'armA',
      arm: 'TACE',
      modality: 'tace',
      outcome: 'response',
      outcomeLabel: 'Objective response',
      kind: 'proportion',
      timepointId: 'overall',
      timepoint: '',
      timepointMonths: null,
      events: 15,
      total: 30,
      value: 50,
      unit: '%',
      criteria: 'RECIST 1.1',
      cr: 3,
      pr: 12,
      sd: 10,
      pd: 5,
    })
    expect(rows[1]).toMatchObject({ events: null, total: null, value: 42.5, unit: 'months', criteria: '' })
    expect(rows[2]).toMatchObject({ kind: 'count', events: 4, value: 4 })
    expect(rows[4]).toMatchObject({ events: 10, total: 25, value: 40, unit: '%', timepointMonths: 60 })
    expect(rows[5]).toMatchObject({ events: null, total: null, value: 20, timepointMonths: 120 })
  })

  it('gives no rows without arms', () => {
    expect(toOutcomeRows({ outcomes: twoArmStudy.outcomes }, testForm, context)).toEqual([])
  })

  it('is deterministic whatever the key order of the stored values', () => {
    const shuffle = (value: unknown, seed: number): unknown => {
      if (Array.isArray(value)) return value.map((item) => shuffle(item, seed))
      if (typeof value !== 'object' || value === null) return value
      const entries = Object.entries(value).map(([key, item]) => [key, shuffle(item, seed)] as const)
      const rotated = entries.map((_, index) => entries[(index + seed) % entries.length]!)
      return Object.fromEntries(rotated)
    }
    const expected = toOutcomeRows(twoArmStudy, testForm, context)
    fc.assert(
      fc.property(fc.nat(10), (seed) => {
        const values = shuffle(twoArmStudy, seed) as Record<string, unknown>
        expect(toOutcomeRows(values, testForm, context)).toEqual(expected)
      }),
    )
  })

  it('never throws and gives the same rows twice for arbitrary cells', () => {
    const cell = fc.record(
      { events: fc.option(fc.nat(50)), total: fc.option(fc.nat(50)), value: fc.option(fc.double()) },
      { requiredKeys: [] },
    )
    const grid = fc.dictionary(
      fc.constantFrom('armA', 'armB'),
      fc.dictionary(
        fc.constantFrom('response', 'os', 'median_os'),
        fc.dictionary(fc.constantFrom('overall', 'y5'), cell),
      ),
    )
    fc.assert(
      fc.property(grid, (outcomes) => {
        const values = { arms: twoArmStudy.arms, outcomes }
        const rows = toOutcomeRows(values, testForm, context)
        expect(toOutcomeRows(values, testForm, context)).toEqual(rows)
        for (const row of rows) expect(row.value === null || typeof row.value === 'number').toBe(true)
      }),
    )
  })
})
