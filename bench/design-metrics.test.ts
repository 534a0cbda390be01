import { describe, expect, it } from 'vitest'

import { auroc, precisionRecall, specificityAtSensitivity } from './design-metrics'

describe('design benchmark metrics', () => {
  it('computes AUROC with ties as one half', () => {
    expect(auroc([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1)
    expect(auroc([0.5, 0.5], [true, false])).toBe(0.5)
    expect(auroc([0.1, 0.9, 0.4, 0.6], [true, false, true, false])).toBe(0)
  })

  it('finds the specificity at a sensitivity floor', () => {
    const scores = [0.9, 0.8, 0.3, 0.7, 0.2, 0.1]
    const labels = [true, true, true, false, false, false]
    expect(specificityAtSensitivity(scores, labels, 1)).toMatchObject({ specificity: 2 / 3, threshold: 0.3 })
    expect(specificityAtSensitivity(scores, labels, 0.6)).toMatchObject({ specificity: 1, threshold: 0.8 })
  })

  it('computes precision and recall for one design', () => {
    expect(precisionRecall(['a', 'a', 'b'], ['a', 'b', 'a'], 'a')).toMatchObject({
      precision: 0.5,
      recall: 0.5,
    })
  })
})
