import { describe, expect, it } from 'vitest'

import { addNeighbour, createNeighbours, flushNeighbours, removeNeighbour } from './neighbours'
import { buildTextIndex, type TextIndex } from './text-index'

// 60 records: every one shares "common words here", one of 20 topics (3 records each) and its own word (1 record).
const texts = Array.from({ length: 60 }, (_, row) => `common words here topic${row % 20} own${row}`)
const index = buildTextIndex(texts, { minRecords: 1, ngrams: 1 })

/** Brute force: the highest dot product of the rows. */
function expected(index: TextIndex, members: number[]): number[] {
  const vector = (row: number): Map<number, number> => {
    const out = new Map<number, number>()
    for (let at = index.rowStart[row] ?? 0; at < (index.rowStart[row + 1] ?? 0); at++)
      out.set(index.columns[at] ?? 0, index.values[at] ?? 0)
    return out
  }
  return Array.from({ length: index.rowCount }, (_, row) => {
    const own = vector(row)
    let best = 0
    for (const member of members) {
      let dot = 0
      for (const [column, value] of vector(member)) dot += value * (own.get(column) ?? 0)
      best = Math.max(best, dot)
    }
    return best
  })
}

describe('neighbours', () => {
  it('gives every record its highest cosine similarity to a member', () => {
    const state = createNeighbours(index)
    addNeighbour(state, 0)
    addNeighbour(state, 7)
    const nearest = flushNeighbours(state)
    expected(index, [0, 7]).forEach((value, row) => expect(nearest[row]).toBeCloseTo(value, 6))
    // Same topic as record 0 (rows 20 and 40): more similar than another topic, which shares the common words only.
    expect(nearest[20]).toBeGreaterThan((nearest[1] ?? 0) + 0.1)
    expect(nearest[1]).toBeGreaterThan(0)
  })

  it('adds one at a time or all at once alike, and rebuilds after a removal', () => {
    const oneByOne = createNeighbours(index)
    const together = createNeighbours(index)
    for (const row of [3, 11, 25]) {
      addNeighbour(oneByOne, row)
      flushNeighbours(oneByOne)
      addNeighbour(together, row)
    }
    addNeighbour(together, 3)
    expect([...flushNeighbours(together)]).toEqual([...oneByOne.nearest])
    removeNeighbour(together, 11)
    const fresh = createNeighbours(index)
    addNeighbour(fresh, 3)
    addNeighbour(fresh, 25)
    expect([...flushNeighbours(together)]).toEqual([...flushNeighbours(fresh)])
  })
})
