import { describe, expect, it } from 'vitest'

import { modalityDesignMatrix } from './matrix'

describe('modalityDesignMatrix', () => {
  it('counts a record in every modality it carries, and leaves out records without a design', () => {
    const matrix = modalityDesignMatrix(
      [
        { recordId: 'r1', taxonomyId: 'm', termId: 'tace' },
        { recordId: 'r1', taxonomyId: 'm', termId: 'prrt' },
        { recordId: 'r1', taxonomyId: 'd', termId: 'case-series' },
        { recordId: 'r2', taxonomyId: 'm', termId: 'tace' },
        { recordId: 'r2', taxonomyId: 'd', termId: 'rct' },
        { recordId: 'r3', taxonomyId: 'm', termId: 'tace' },
        { recordId: 'r4', taxonomyId: 'labels', termId: 'x' },
      ],
      'm',
      'd',
    )
    expect(matrix.get('tace')?.get('case-series')).toEqual(['r1'])
    expect(matrix.get('tace')?.get('rct')).toEqual(['r2'])
    expect(matrix.get('prrt')?.get('case-series')).toEqual(['r1'])
    expect([...matrix.keys()].sort()).toEqual(['prrt', 'tace'])
  })
})
