import { describe, expect, it } from 'vitest'

import { evidenceRow } from './__fixtures__/evidence-row'
import type { EvidenceRow } from './evidence-table'
import { distinctValues, filterEvidence, noEvidenceFilter, sortEvidence } from './evidence-view'

const row = (studyId: string, overrides: Partial<EvidenceRow>): EvidenceRow =>
  evidenceRow({
    studyId,
    firstAuthor: studyId.split(' ')[0] ?? '',
    year: 2020,
    criteria: 'RECIST 1.1',
    ...overrides,
  })

const rows = [
  row('Rossi 2019', { value: 50 }),
  row('Lee 2020', { value: null, modality: 'PRRT', design: 'RCT' }),
  row('Kim 2018', { value: 80, criteria: 'mRECIST' }),
]

describe('evidence table view', () => {
  it('filters by modality, design, outcome and words', () => {
    expect(filterEvidence(rows, { ...noEvidenceFilter, modality: 'TACE' }).map((r) => r.studyId)).toEqual([
      'Rossi 2019',
      'Kim 2018',
    ])
    expect(filterEvidence(rows, { ...noEvidenceFilter, design: 'RCT' }).map((r) => r.studyId)).toEqual([
      'Lee 2020',
    ])
    expect(filterEvidence(rows, { ...noEvidenceFilter, text: 'mrecist kim' }).map((r) => r.studyId)).toEqual([
      'Kim 2018',
    ])
  })

  it('sorts numbers numerically with blanks last in both directions', () => {
    expect(sortEvidence(rows, 'value', false).map((r) => r.value)).toEqual([50, 80, null])
    expect(sortEvidence(rows, 'value', true).map((r) => r.value)).toEqual([80, 50, null])
    expect(sortEvidence(rows, 'studyId', false).map((r) => r.studyId)).toEqual([
      'Kim 2018',
      'Lee 2020',
      'Rossi 2019',
    ])
  })

  it('lists distinct values for the filter menus', () => {
    expect(distinctValues(rows, 'modality')).toEqual(['PRRT', 'TACE'])
  })
})
