import { describe, expect, it } from 'vitest'

import { evidenceRow } from './__fixtures__/evidence-row'
import { forestStudies } from './forest-data'

describe('forestStudies', () => {
  it('takes rows with events/total of one modality, outcome and timepoint, naming arms only when a study has several', () => {
    const studies = forestStudies(
      [
        evidenceRow({}),
        evidenceRow({ studyId: 'Lee 2020', arm: 'cTACE', events: 10, total: 30 }),
        evidenceRow({ studyId: 'Lee 2020', arm: 'DEB-TACE', events: 12, total: 28 }),
        evidenceRow({ studyId: 'Kim 2018', events: null, total: null, value: 60 }),
        evidenceRow({ studyId: 'Other', modality: 'PRRT' }),
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
