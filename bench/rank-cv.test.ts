import { describe, expect, it } from 'vitest'

import { defaultRankerOptions, defaultTextIndexOptions } from '../src/core/ranking/defaults'
import { assignFolds, bestPerDatasetLoss, choose, crossValidate, searchedSpecs, shippedSpec } from './rank-cv'
import { parseSpec } from './rank-spec'
import type { DatasetScore } from './rank-sim'

const score = (dataset: string, wss95: number, loss = 1 - wss95 / 100): DatasetScore => ({
  dataset,
  runs: 2,
  wss95,
  wss100: 0,
  rrf10: 0,
  atd: 0,
  loss,
  seconds: 0,
})

describe('cross-validation over datasets', () => {
  it('keeps datasets of the same review in one fold', () => {
    const folds = assignFolds(['cohen_2006_estrogens', 'synergy_nelson_2002', 'a', 'b', 'c', 'd', 'e'], 5)
    expect(folds.get('cohen_2006_estrogens')).toBe(folds.get('synergy_nelson_2002'))
    expect(new Set(folds.values()).size).toBe(5)
  })

  it('bounds what any choice among the configurations can reach by the lowest loss on each dataset', () => {
    const scores = new Map([
      ['one', [score('a', 0, 0.2), score('b', 0, 0.4)]],
      ['two', [score('a', 0, 0.3), score('b', 0, 0.1)]],
    ])
    expect(bestPerDatasetLoss(scores)).toBeCloseTo((0.2 + 0.1) / 2, 12)
  })

  it('scores each fold with the configuration chosen on the other folds', () => {
    const names = ['a', 'b', 'c', 'd', 'e']
    // "steady" is best everywhere except on "a", where "lucky" shines; "lucky" wins overall only through "a".
    const scores = new Map([
      ['steady', names.map((name) => score(name, 50))],
      ['lucky', names.map((name) => score(name, name === 'a' ? 300 : 40))],
    ])
    const result = crossValidate(scores, 5, 'wss')
    expect(result.chosenOnAll).toBe('lucky')
    const foldOfA = result.folds.find((fold) => fold.heldOut.includes('a'))
    expect(foldOfA?.chosen).toBe('steady')
    expect(foldOfA?.heldOutWss95).toBe(50)
    // Held out, "a" is scored with "steady" (50); the others with "lucky" (40).
    expect(result.wss95).toBeCloseTo((50 + 4 * 40) / 5, 12)
  })

  it('by the loss-given-WSS rule, picks the lowest loss among configurations with mean WSS@95 ≥ 51', () => {
    const means = new Map([
      ['high', { wss95: 56, loss: 0.13 }],
      ['lean', { wss95: 52, loss: 0.11 }],
      ['short', { wss95: 49, loss: 0.09 }],
    ])
    expect(choose(means, 'loss-given-wss')).toBe('lean')
    expect(choose(means, 'wss')).toBe('high')
    // None reaches the floor: the highest WSS@95.
    const low = new Map([
      ['a', { wss95: 48, loss: 0.2 }],
      ['b', { wss95: 50, loss: 0.3 }],
    ])
    expect(choose(low, 'loss-given-wss')).toBe('b')
  })

  it('applies the loss-given-WSS rule per fold on the training datasets only', () => {
    const names = ['a', 'b', 'c', 'd', 'e']
    // "sharp" has the higher WSS@95 everywhere; "smooth" the lower loss and still ≥ 51, except on "a" where its
    // WSS@95 drops so far that without "a" it qualifies and with "a" it does not.
    const scores = new Map([
      ['sharp', names.map((name) => score(name, 60, 0.2))],
      ['smooth', names.map((name) => score(name, name === 'a' ? 20 : 55, 0.1))],
    ])
    const result = crossValidate(scores, 5, 'loss-given-wss')
    // On all datasets "smooth" averages (20 + 4 · 55) / 5 = 48 < 51: "sharp" is chosen.
    expect(result.chosenOnAll).toBe('sharp')
    const foldOfA = result.folds.find((fold) => fold.heldOut.includes('a'))
    expect(foldOfA?.chosen).toBe('smooth')
    expect(result.folds.filter((fold) => fold.chosen === 'sharp')).toHaveLength(4)
    expect(result.wss95).toBeCloseTo((20 + 4 * 60) / 5, 12)
    expect(result.loss).toBeCloseTo((0.1 + 4 * 0.2) / 5, 12)
  })

  it('ships the configuration the cross-validation chose, and every searched spec parses', () => {
    expect(searchedSpecs).toContain(shippedSpec)
    const shipped = parseSpec(shippedSpec)
    expect(defaultTextIndexOptions).toEqual(shipped.index)
    expect(defaultRankerOptions).toEqual(shipped.ranker)
    expect(new Set(searchedSpecs.map((spec) => parseSpec(spec).name)).size).toBe(searchedSpecs.length)
  })
})
