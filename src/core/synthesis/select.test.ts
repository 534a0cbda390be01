import { describe, expect, it } from 'vitest'

import { chooseExtractions } from './select'

describe('chooseExtractions', () => {
  it('prefers the consensus, then a completed extraction, then the latest draft, per study', () => {
    const chosen = chooseExtractions([
      { recordId: 'r1', reviewerId: 'anna', status: 'complete' as const, updatedAt: '2026-01-03' },
      { recordId: 'r1', reviewerId: 'consensus', status: 'draft' as const, updatedAt: '2026-01-01' },
      { recordId: 'r2', reviewerId: 'anna', status: 'draft' as const, updatedAt: '2026-01-05' },
      { recordId: 'r2', reviewerId: 'ben', status: 'complete' as const, updatedAt: '2026-01-02' },
      { recordId: 'r3', reviewerId: 'anna', status: 'draft' as const, updatedAt: '2026-01-01' },
      { recordId: 'r3', reviewerId: 'ben', status: 'draft' as const, updatedAt: '2026-01-04' },
    ])
    expect(chosen.map((row) => `${row.recordId}:${row.reviewerId}`).sort()).toEqual([
      'r1:consensus',
      'r2:ben',
      'r3:ben',
    ])
  })
})
