import { describe, expect, it } from 'vitest'

import { compareSeqs } from './session'

describe('compareSeqs', () => {
  it('orders change-feed positions: numbers, CouchDB-style strings by their leading number, unknown as the start', () => {
    expect(compareSeqs(3, 10)).toBeLessThan(0)
    expect(compareSeqs(10, 10)).toBe(0)
    expect(compareSeqs('12-g1AAAA', '9-g1AAAB')).toBeGreaterThan(0)
    expect(compareSeqs('12-g1AAAA', 11)).toBeGreaterThan(0)
    expect(compareSeqs('now', 0)).toBe(0)
  })
})
