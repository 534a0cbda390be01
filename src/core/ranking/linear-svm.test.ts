import { describe, expect, it } from 'vitest'

import { createSvmState, rowScore, setSvmLabel, trainSvm } from './linear-svm'
import { buildTextIndex } from './text-index'

describe('logistic loss', () => {
  const texts = [
    'statin therapy lowers cholesterol',
    'statin adherence and cholesterol',
    'bird migration across the sahara',
    'migration of songbirds and statin',
    'cholesterol in songbirds',
  ]
  const index = buildTextIndex(texts, { minRecords: 1, charGrams: 0 })
  const labelled: Array<[number, 0 | 1]> = [
    [0, 1],
    [1, 1],
    [2, 0],
    [3, 0],
    [4, 0],
  ]
  const train = (logistic: number): ReturnType<typeof createSvmState> => {
    // Unweighted classes: every record's cost is C = 1.
    const state = createSvmState(index, {
      cost: 1,
      balance: 0,
      includeRatio: 1,
      tolerance: 1e-10,
      maxEpochs: 10_000,
      logistic,
    })
    for (const [row, label] of labelled) setSvmLabel(state, row, label)
    expect(trainSvm(state)).toBe(true)
    return state
  }

  it('reaches the optimum of L2-regularised logistic regression: w = C Σ σ(−yᵢ w·xᵢ) yᵢ xᵢ', () => {
    const state = train(1)
    const expected = new Float64Array(index.featureCount + 1)
    for (const [row, label] of labelled) {
      const y = label === 1 ? 1 : -1
      const weight = y / (1 + Math.exp(y * rowScore(state.weights, index, row)))
      for (let at = index.rowStart[row] ?? 0; at < (index.rowStart[row + 1] ?? 0); at++)
        expected[index.columns[at] ?? 0] =
          (expected[index.columns[at] ?? 0] ?? 0) + weight * (index.values[at] ?? 0)
      expected[index.featureCount] = (expected[index.featureCount] ?? 0) + weight
    }
    for (let feature = 0; feature <= index.featureCount; feature++)
      expect(state.weights[feature]).toBeCloseTo(expected[feature] ?? 0, 6)
    // The squared hinge puts no weight on records well outside the margin: a different model.
    const hinge = train(0)
    expect(Math.abs((hinge.weights[0] ?? 0) - (state.weights[0] ?? 0))).toBeGreaterThan(1e-3)
  })
})
