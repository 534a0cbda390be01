import { describe, expect, it } from 'vitest'

import { defaultRankerOptions, defaultTextIndexOptions } from '../src/core/ranking/defaults'
import { assignFolds, crossValidate, searchedSpecs, shippedSpec } from './rank-cv'
import { parseSpec } from './rank-spec'
import type { DatasetScore } from './rank-sim'

const score = (dataset: string, wss95: number): DatasetScore => ({
  dataset,
  runs: 2,
  wss95,
  wss100: 0,
  rrf10: 0,
  atd: 0,
  loss: 1 - wss95 / 100,
  seconds: 0,
})

describe('cross-validation over datasets', () => {
  it('keeps datasets of the same review in one fold', () => {
    const folds = assignFolds(['cohen_2006_estrogens', 'synergy_nelson_2002', 'a', 'b', 'c', 'd', 'e'], 5)
    expect(folds.get('cohen_2006_estrogens')).toBe(folds.get('synergy_nelson_2002'))
    expect(new Set(folds.values()).size).toBe(5)
  })

  it('scores each fold with the configuration chosen on the other folds', () => {
    const names = ['a', 'b', 'c', 'd', 'e']
    // "steady" is best everywhere except on "a", where "lucky" shines; "lucky" wins overall only through "a".
    const scores = new Map([
      ['steady', names.map((name) => score(name, 50))],
      ['lucky', names.map((name) => score(name, name === 'a' ? 300 : 40))],
    ])
    const result = crossValidate(scores, 5)
    expect(result.chosenOnAll).toBe('lucky')
    const foldOfA = result.folds.find((fold) => fold.heldOut.includes('a'))
    expect(foldOfA?.chosen).toBe('steady')
    expect(foldOfA?.heldOutWss95).toBe(50)
    // Held out, "a" is scored with "steady" (50); the others with "lucky" (40).
    expect(result.wss95).toBeCloseTo((50 + 4 * 40) / 5, 12)
  })

  it('ships the configuration the cross-validation chose, and every searched spec parses', () => {
    expect(searchedSpecs).toContain(shippedSpec)
    const shipped = parseSpec(shippedSpec)
    expect(defaultTextIndexOptions).toEqual(shipped.index)
    expect(defaultRankerOptions).toEqual(shipped.ranker)
    expect(new Set(searchedSpecs.map((spec) => parseSpec(spec).name)).size).toBe(searchedSpecs.length)
  })
})
