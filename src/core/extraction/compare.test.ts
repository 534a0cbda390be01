import { describe, expect, it } from 'vitest'
import { testForm } from './__fixtures__/forms'
import { compareExtractions, reconcile } from './compare'
import { toOutcomeRows } from './outcomes'

const alice = {
  country: ' France',
  design: 'Case-Series',
  site: ['pancreas', 'small-intestine'],
  n_patients: 40,
  age: 1 / 3,
  functional: { events: 10, total: 40 },
  multicentre: true,
  arms: [
    { id: 'a1', label: 'TACE', modality: 'tace', technique: 'doxorubicin', n: 25 },
    { id: 'a2', label: 'TAE', modality: 'tae', technique: '', n: 15 },
  ],
  outcomes: {
    a1: { response: { overall: { events: 12, total: 20, criteria: 'recist-1.1' } } },
    a2: { median_os: { overall: { value: 30 } } },
  },
}

// Bob entered the arms in the other order (so other ids) and disagrees on a few numbers.
const bob = {
  country: 'France ',
  design: 'case-series',
  site: ['small-intestine', 'pancreas'],
  n_patients: 41,
  age: 0.333333333333,
  functional: { events: 10, total: 40 },
  multicentre: null,
  arms: [
    { id: 'b1', label: 'tae', modality: 'tae', technique: '', n: 15 },
    { id: 'b2', label: 'TACE', modality: 'tace', technique: 'Doxorubicin', n: 25 },
  ],
  outcomes: {
    b2: { response: { overall: { events: 13, total: 20, criteria: 'RECIST-1.1' } } },
    b1: { median_os: { overall: { value: 30 } } },
  },
}

describe('compareExtractions', () => {
  it('lists only real disagreements (not spacing, select case, order, 1e-13), pairing arms by label', () => {
    expect(compareExtractions(alice, bob, testForm)).toEqual([
      { path: 'n_patients', label: 'Number of patients', a: 40, b: 41 },
      { path: 'multicentre', label: 'Multicentre', a: true, b: null },
      { path: 'arms.a1.technique', label: 'TACE › technique or agent', a: 'doxorubicin', b: 'Doxorubicin' },
      {
        path: 'outcomes.a1.response.overall.events',
        label: 'TACE › Objective response › events',
        a: 12,
        b: 13,
      },
    ])
  })

  it('treats numbers within 1e-9 as equal and empty as equal to empty', () => {
    const differences = compareExtractions({ age: 0.1 + 0.2, notes: '' }, { age: 0.3, notes: null }, testForm)
    expect(differences).toEqual([])
  })

  it('reports an arm only one reviewer entered', () => {
    const paths = compareExtractions({ arms: alice.arms }, { arms: alice.arms.slice(0, 1) }, testForm).map(
      (d) => d.path,
    )
    expect(paths).toEqual(['arms.a2.label', 'arms.a2.modality', 'arms.a2.n'])
  })
})

describe('reconcile', () => {
  it('builds the consensus from agreements and choices, leaving the originals untouched', () => {
    const before = structuredClone({ alice, bob })
    const { values, unresolved } = reconcile(
      alice,
      bob,
      {
        n_patients: 'b',
        age: 'a',
        multicentre: { custom: false },
        'arms.a1.technique': 'a',
        'outcomes.a1.response.overall.events': { custom: 12 },
      },
      testForm,
    )
    expect(unresolved).toEqual([])
    expect(values).toMatchObject({
      country: ' France',
      n_patients: 41,
      multicentre: false,
      site: ['pancreas', 'small-intestine'],
      functional: { events: 10, total: 40 },
      arms: [
        { id: 'a1', label: 'TACE', modality: 'tace', technique: 'doxorubicin', n: 25 },
        { id: 'a2', label: 'TAE', modality: 'tae', technique: '', n: 15 },
      ],
      outcomes: {
        a1: { response: { overall: { events: 12, total: 20, criteria: 'recist-1.1' } } },
        a2: { median_os: { overall: { value: 30 } } },
      },
    })
    expect({ alice, bob }).toEqual(before)
    ;(values.site as string[]).push('changed')
    expect(alice.site).toHaveLength(2)
    const rows = toOutcomeRows(values, testForm, {
      recordId: 'r',
      reviewerId: 'consensus',
      extractionId: 'c',
    })
    expect(rows.map((row) => [row.arm, row.outcome, row.value])).toEqual([
      ['TACE', 'response', 60],
      ['TAE', 'median_os', 30],
    ])
  })

  it('leaves disagreements without a choice empty and lists them', () => {
    const { values, unresolved } = reconcile(alice, bob, { age: 'b' }, testForm)
    expect(unresolved).toEqual([
      'n_patients',
      'multicentre',
      'arms.a1.technique',
      'outcomes.a1.response.overall.events',
    ])
    expect([values.n_patients, values.multicentre, values.age]).toEqual([null, null, 0.333333333333])
  })

  it('takes an arm from b when chosen, and drops it when a (without it) is chosen', () => {
    const onlyA = { arms: alice.arms.slice(0, 1) }
    const both = { arms: alice.arms }
    const keep = reconcile(
      onlyA,
      both,
      { 'arms.a2.label': 'b', 'arms.a2.modality': 'b', 'arms.a2.n': 'b' },
      testForm,
    )
    expect(keep.values.arms).toEqual([
      alice.arms[0],
      { id: 'a2', label: 'TAE', modality: 'tae', technique: '', n: 15 },
    ])
    const drop = reconcile(
      onlyA,
      both,
      { 'arms.a2.label': 'a', 'arms.a2.modality': 'a', 'arms.a2.n': 'a' },
      testForm,
    )
    expect(drop.values.arms).toEqual([alice.arms[0]])
  })
})
