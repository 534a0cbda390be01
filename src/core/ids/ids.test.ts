import { describe, expect, it } from 'vitest'

import { newId } from './ids'

describe('newId', () => {
  it('sorts in creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId('rec_'))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('keeps the prefix', () => {
    expect(newId('pr_')).toMatch(/^pr_[0-9a-z]{21}$/)
  })
})
