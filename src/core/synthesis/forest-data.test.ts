import { describe, expect, it } from 'vitest'

import type { EvidenceRow } from './evidence-table'
import { forestStudies } from './forest-data'

const row = (overrides: Partial<EvidenceRow>): EvidenceRow => ({
  studyId: 'Rossi 2019',
  firstAuthor: 'Rossi',
  year: 2019,
  design: 'Case series',
  modality: 'TACE',
  arm: 'TACE',
  outcome: 'response',
  outcomeLabel: 'Objective response',
  kind: 'proportion',
  timepoint: 'overall',
  n: 40,
  events: 20,
  total: 40,
  value: 50,
  unit: '%',
  criteria: '',
  ...overrides,
})

describe('forestStudies', () => {
  it('takes rows with events/total of one modality, outcome and timepoint, naming arms only when a study has several', () => {
    const studies = forestStudies(
      [
        row({}),
        row({ studyId: 'Lee 2020', arm: 'cTACE', events: 10, total: 30 }),
        row({ studyId: 'Lee 2020', arm: 'DEB-TACE', events: 12, total: 28 }),
        row({ studyId: 'Kim 2018', events: null, total: null, value: 60 }),
        row({ studyId: 'Other', modality: 'PRRT' }),
      ],
      'TACE',
      'response',
      'overall',
    )
    expect(studies).toEqual([
      { label: 'Rossi 2019', events: 20, total: 40 },
      { label: 'Lee 2020 (cTACE)', events: 10, total: 30 },
      { label: 'Lee 2020 (DEB-TACE)', events: 12, total: 28 },
    ])
  })
})
