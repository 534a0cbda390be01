import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hashString, mulberry32, nextUndecided, orderQueue } from './queue'
import { defaultExclusionReasons, defaultFullTextExclusionReasons } from './reasons'

const ids = Array.from({ length: 50 }, (_, i) => `rec-${i}`)

describe('orderQueue', () => {
  it('keeps file order', () => {
    expect(orderQueue(ids, { kind: 'file' })).toEqual(ids)
  })

  it('gives a stable random order for a seed, different for another seed', () => {
    const first = orderQueue(ids, { kind: 'random', seed: 'project-1/ann' })
    expect(orderQueue(ids, { kind: 'random', seed: 'project-1/ann' })).toEqual(first)
    expect([...first].sort()).toEqual([...ids].sort())
    expect(first).not.toEqual(ids)
    expect(orderQueue(ids, { kind: 'random', seed: 'project-1/bob' })).not.toEqual(first)
  })

  it('keeps the relative random order of existing records when records are added', () => {
    const before = orderQueue(ids.slice(0, 30), { kind: 'random', seed: 's' })
    const after = orderQueue(ids, { kind: 'random', seed: 's' })
    expect(after.filter((id) => before.includes(id))).toEqual(before)
  })

  it('is a permutation for any input and seed', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.string(), (list, seed) => {
        expect([...orderQueue(list, { kind: 'random', seed })].sort()).toEqual([...list].sort())
      }),
    )
  })

  it('sorts by descending relevance, ties and missing scores in file order', () => {
    const scores = new Map([
      ['b', 0.9],
      ['c', 0.5],
      ['d', 0.9],
      ['e', Number.NaN],
    ])
    expect(orderQueue(['a', 'b', 'c', 'd', 'e', 'f'], { kind: 'relevance', scores })).toEqual([
      'b',
      'd',
      'c',
      'a',
      'e',
      'f',
    ])
  })
})

describe('nextUndecided', () => {
  const queue = ['a', 'b', 'c', 'd']

  it('finds the next undecided record at or after the index, wrapping around', () => {
    const decided = new Set(['a', 'c', 'd'])
    expect(nextUndecided(queue, (id) => decided.has(id))).toBe(1)
    expect(nextUndecided(queue, (id) => decided.has(id), 2)).toBe(1)
    expect(nextUndecided(queue, (id) => id === 'a', 3)).toBe(3)
  })

  it('returns -1 when everything is decided or the queue is empty', () => {
    expect(nextUndecided(queue, () => true)).toBe(-1)
    expect(nextUndecided([], () => false)).toBe(-1)
  })
})

describe('a ranking made elsewhere', () => {
  it('puts ranked ids first in their order, then the rest in file order, ignoring unknown and repeated ids', () => {
    const order = { kind: 'ranked', rankedIds: ['d', 'x', 'b', 'd'] } as const
    expect(orderQueue(['a', 'b', 'c', 'd', 'e'], order)).toEqual(['d', 'b', 'a', 'c', 'e'])
  })
})

describe('PRNG helpers', () => {
  it('are deterministic and in range', () => {
    expect(hashString('abc')).toBe(hashString('abc'))
    const random = mulberry32(42)
    const values = Array.from({ length: 1000 }, random)
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true)
    expect(mulberry32(42)()).toBe(values[0])
  })
})

describe('default exclusion reasons', () => {
  it('are the ten defaults and a fresh copy each time', () => {
    expect(defaultFullTextExclusionReasons).toHaveLength(10)
    const copy = defaultExclusionReasons()
    copy.push('Other')
    expect(defaultExclusionReasons()).toHaveLength(10)
  })
})
