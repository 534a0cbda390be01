import { describe, expect, it } from 'vitest'

import { randomPriors, simulateScreening } from './simulate'
import { buildTextIndex } from './text-index'

/** 60 records: 8 on statins (included), the rest on birds, deserts or weather; a few texts are empty. */
function corpus(): { texts: string[]; labels: Uint8Array } {
  const topics = ['songbird migration in spring', 'desert water and heat', 'rainfall and weather records']
  const texts: string[] = []
  const labels: number[] = []
  for (let i = 0; i < 60; i++) {
    const isStatin = i % 7 === 3 && labels.filter(Boolean).length < 8
    texts.push(
      isStatin
        ? `statin therapy and cholesterol outcome study ${i}`
        : i % 11 === 0
          ? ''
          : `${topics[i % 3] ?? ''} observation ${i}`,
    )
    labels.push(isStatin ? 1 : 0)
  }
  return { texts, labels: Uint8Array.from(labels) }
}

describe('simulateScreening', () => {
  const { texts, labels } = corpus()
  const index = buildTextIndex(texts)

  it('is deterministic for a seed and stops at the last include', () => {
    const first = simulateScreening(index, labels, { seed: 4 })
    const again = simulateScreening(index, labels, { seed: 4 })
    expect([...again.order]).toEqual([...first.order])
    expect(again.priorRows).toEqual(first.priorRows)
    const last = first.order[first.order.length - 1] ?? -1
    expect(labels[last]).toBe(1)
    const found = [...first.order].filter((row) => labels[row] === 1).length
    expect(found).toBe(7)
  })

  it('finds the includes first when their text is distinctive', () => {
    const run = simulateScreening(index, labels, { seed: 1 })
    expect(run.order.length).toBe(7)
    expect(run.metrics.wss100).toBeCloseTo(1 - 7 / 58, 12)
    expect(run.metrics.loss).toBe(0)
  })

  it('uses exactly the given prior rows', () => {
    const run = simulateScreening(index, labels, { seed: 2, priorRows: [3, 0, 1] })
    expect(run.priorRows).toEqual([3, 0, 1])
    expect([...run.order]).not.toContain(0)
    expect(run.metrics.recordsToLastInclude).toBe(run.order.length)
  })

  it('does not depend on where the includes sit in the file', () => {
    // The same records with every include first: a run must depend only on text and seed-chosen tie-breaks.
    const flat = buildTextIndex(Array.from({ length: 40 }, () => 'identical text'))
    const sortedLabels = Uint8Array.from({ length: 40 }, (_, row) => (row < 5 ? 1 : 0))
    const runs = [1, 2, 3].map((seed) => simulateScreening(flat, sortedLabels, { seed, priorRows: [0, 39] }))
    for (const run of runs) expect([...run.order.slice(0, 4)]).not.toEqual([1, 2, 3, 4])
    expect(new Set(runs.map((run) => run.order.join(','))).size).toBe(3)
  })

  it('picks one random include and one random exclude as priors', () => {
    const priors = randomPriors(labels, 9)
    expect(priors.map((row) => labels[row])).toEqual([1, 0])
    expect(randomPriors(labels, 9)).toEqual(priors)
  })
})
