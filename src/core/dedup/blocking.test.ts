import { describe, expect, it } from 'vitest'

import { citation } from './__fixtures__/records'
import { candidatePairs, decodePair } from './blocking'
import { matchKeys } from './keys'

/** The candidate pairs as sorted `i-j` strings, for readable expectations. */
function pairsOf(titles: readonly string[], window: number, fields = {}): string[] {
  const keys = titles.map((title) =>
    matchKeys(citation({ title, authors: ['Smith, J'], year: 2020, ...fields })),
  )
  return [...candidatePairs(keys, window).pairs].map((pair) => decodePair(pair, keys.length).join('-'))
}

describe('candidatePairs', () => {
  // One first-author-and-year block larger than the window. No two titles share a prefix of six characters, so
  // only the block pass can pair them, and within the block records follow title order, not input order.
  const titles = [
    'mango trees',
    'apple orchards',
    'cherry blossom',
    'fig harvest',
    'melon fields',
    'zucchini',
  ]

  it('compares each record with its title-order neighbours within a block, up to the window', () => {
    // Title order: apple(1) cherry(2) fig(3) mango(0) melon(4) zucchini(5).
    expect(pairsOf(titles, 1)).toEqual(['0-3', '0-4', '1-2', '2-3', '4-5'])
  })

  it('pairs every member of a block no larger than the window once', () => {
    expect(pairsOf(titles, 12)).toHaveLength((titles.length * (titles.length - 1)) / 2)
  })

  it('gives a scoring order that visits every pair once, by the title order of its first record', () => {
    const keys = titles.map((title) => matchKeys(citation({ title, authors: ['Smith, J'], year: 2020 })))
    const { pairs, scoringOrder } = candidatePairs(keys, 1)
    expect([...scoringOrder].sort((x, y) => x - y)).toEqual([...pairs.keys()])
    const visited = [...scoringOrder].map((at) => decodePair(pairs[at] as number, keys.length).join('-'))
    // Title order: apple(1) cherry(2) fig(3) mango(0) melon(4) zucchini(5).
    expect(visited).toEqual(['1-2', '2-3', '0-3', '0-4', '4-5'])
  })

  it('pairs records without a title in a block with the first titled ones', () => {
    const keys = ['', 'zucchini', 'apple orchards'].map((title) =>
      matchKeys(citation({ title, authors: ['Smith, J'], year: 2020, doi: '10.1/x' })),
    )
    const pairs = [...candidatePairs(keys, 1).pairs].map((pair) => decodePair(pair, keys.length).join('-'))
    expect(pairs).toEqual(['0-2', '1-2'])
  })
})
