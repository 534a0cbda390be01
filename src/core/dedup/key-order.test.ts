import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { orderByKey } from './key-order'

/** The order `orderByKey` must give: indices of the non-empty keys by key (code units), ties by index. */
function plainOrder(keys: readonly string[]): number[] {
  return keys
    .map((key, index) => ({ key, index }))
    .filter(({ key }) => key !== '')
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map(({ index }) => index)
}

describe('ordering records by a key', () => {
  it('orders by key, ties by record index, and leaves out empty keys', () => {
    expect(orderByKey(['b', '', 'a', 'b', 'ab', 'a'])).toEqual([2, 5, 4, 0, 3])
  })

  it('puts a key before the keys it is a prefix of, even those continuing with U+0000', () => {
    expect(orderByKey(['ab\u0000', 'ab', 'a\uffff', 'ab\u0000\u0000', 'a'])).toEqual([4, 1, 0, 3, 2])
  })

  it('agrees with a plain sort on keys of every kind', () => {
    // A few characters (including U+0000, a surrogate half and U+FFFF) so that keys share long prefixes and
    // groups of equal keys are larger than the insertion-sort limit.
    const unit = fc.constantFrom('a', 'b', ' ', '\u0000', '\ud83d', '\uffff', 'é')
    const key = fc.oneof(fc.string({ unit, maxLength: 3 }), fc.string({ unit, maxLength: 12 }))
    fc.assert(
      fc.property(fc.array(key, { minLength: 17, maxLength: 400, size: 'large' }), (keys) => {
        expect(orderByKey(keys)).toEqual(plainOrder(keys))
      }),
      { numRuns: 200 },
    )
  })

  it('orders long shared prefixes and many copies of one title', () => {
    const title =
      'effects of a structured exercise programme on glycaemic control in adults with type 2 diabetes'
    const keys = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? title : `${title} ${i % 7} ${i % 5}`))
    expect(orderByKey(keys)).toEqual(plainOrder(keys))
  })

  it('orders a group larger than 2^18 records (one code unit per digit)', () => {
    const keys = Array.from({ length: 2 ** 18 + 500 }, (_, i) => ((i * 7919) % 1000).toString(36))
    expect(orderByKey(keys)).toEqual(plainOrder(keys))
  })
})
