import { describe, expect, it } from 'vitest'

import { rowDot } from './__fixtures__/rows'
import { createRankTrainer, explainRow, rankOrder, scoreRows, trainRanker, type RankTrainer } from './ranker'
import { buildTextIndex } from './text-index'

const texts = [
  'statin therapy lowers cholesterol in adults',
  'statin adherence and cholesterol outcomes',
  'bird migration across the sahara',
  'migration of songbirds in spring',
  'cholesterol lowering with statin drugs in the elderly',
  'songbird song learning',
  'statin use and muscle pain',
  'desert birds and water',
]
const index = buildTextIndex(texts)
const labels = [
  { row: 0, label: 1 as const },
  { row: 2, label: 0 as const },
  { row: 3, label: 0 as const },
]

describe('trainRanker and scoreRows', () => {
  it('ranks records like the included ones first', () => {
    const model = trainRanker(index, labels)
    expect(model).not.toBeNull()
    const order = rankOrder(scoreRows(model!, index), new Set([0, 2, 3]), 7)
    expect([...order.slice(0, 3)].sort()).toEqual([1, 4, 6])
  })

  it('returns null, without throwing, until both classes are labelled', () => {
    expect(trainRanker(index, [])).toBeNull()
    expect(trainRanker(index, [{ row: 0, label: 1 }])).toBeNull()
    expect(
      trainRanker(index, [
        { row: 99, label: 0 },
        { row: 0, label: 1 },
      ]),
    ).toBeNull()
  })

  it('is deterministic for a seed, and a warm start lands on the same ranking', () => {
    const first = scoreRows(trainRanker(index, labels, { seed: 3 })!, index)
    const again = scoreRows(trainRanker(index, labels, { seed: 3 })!, index)
    expect([...again]).toEqual([...first])
    const previous = trainRanker(index, labels.slice(0, 2))
    const warm = scoreRows(trainRanker(index, labels, { warmStart: previous })!, index)
    expect([...rankOrder(warm, new Set(), 1)]).toEqual([...rankOrder(first, new Set(), 1)])
  })

  it('lets the incremental trainer change and clear labels', () => {
    const trainer = createRankTrainer(index)
    trainer.setLabel(0, 1)
    trainer.setLabel(2, 0)
    const before = scoreRows(trainer.train()!, index)
    expect(before[4]).toBeGreaterThan(before[5] ?? 0)
    trainer.setLabel(0, 0)
    trainer.setLabel(5, 1)
    const after = scoreRows(trainer.train()!, index)
    expect(after[3]).toBeGreaterThan(after[4] ?? 0)
    trainer.setLabel(5, null)
    expect(trainer.train()).toBeNull()
  })
})

describe('explainRow', () => {
  it('names the terms that raised the score', () => {
    const model = trainRanker(index, labels)!
    const terms = explainRow(model, index, 4, 3)
    expect(terms.length).toBeGreaterThan(0)
    expect(terms.length).toBeLessThanOrEqual(3)
    expect(terms.map((term) => term.term)).toContain('cholesterol')
    expect(
      terms.every((term, at) => term.weight > 0 && term.weight <= (terms[at - 1]?.weight ?? Infinity)),
    ).toBe(true)
    expect(explainRow(model, index, -1)).toEqual([])
  })

  it('names words only, never character n-grams', () => {
    const withGrams = buildTextIndex(texts, { charGrams: 4 })
    const model = trainRanker(withGrams, labels)!
    const terms = explainRow(model, withGrams, 4, 50).map((term) => term.term)
    expect(terms).toContain('cholesterol')
    expect(terms.every((term) => !term.startsWith(' ') && !term.endsWith(' ') && term.length !== 4)).toBe(
      true,
    )
  })

  it('never names latent features', () => {
    const withLatent = buildTextIndex(texts, { latentRank: 3, latentWeight: 3 })
    const model = trainRanker(withLatent, labels)!
    const named = explainRow(model, withLatent, 4, 500).map((term) => term.term)
    expect(named).toContain('cholesterol')
    expect(named.some((term) => term.startsWith('latent'))).toBe(false)
  })
})

describe('rankOrder', () => {
  it('breaks ties at random by seed, never by file order', () => {
    const flat = new Float64Array(200)
    const a = rankOrder(flat, new Set(), 1)
    expect([...rankOrder(flat, new Set(), 1)]).toEqual([...a])
    expect([...rankOrder(flat, new Set(), 2)]).not.toEqual([...a])
    expect([...a]).not.toEqual(Array.from({ length: 200 }, (_, row) => row))
  })

  it('puts higher scores first, NaN last, and leaves out excluded rows', () => {
    expect([...rankOrder([0.5, Number.NaN, 2, -1], new Set([3]), 1)]).toEqual([2, 0, 1])
  })
})

describe('createRankTrainer().retrainScorer', () => {
  it('ranks exactly like scoreRows of the fused model', () => {
    const trainer = (): ReturnType<typeof createRankTrainer> => {
      const created = createRankTrainer(index, { bayesWeight: 1, bayesSmoothing: 1 })
      for (const { row, label } of labels) created.setLabel(row, label)
      return created
    }
    const scorer = trainer().retrainScorer()
    const model = trainer().train()
    expect(scorer).not.toBeNull()
    const fast = Float64Array.from(texts, (_, row) => scorer?.(row) ?? 0)
    const full = scoreRows(model!, index)
    expect([...rankOrder(fast, new Set(), 1)]).toEqual([...rankOrder(full, new Set(), 1)])
    fast.forEach((value, row) => expect(value).toBeCloseTo(full[row] ?? 0, 9))
  })
})

describe('ranker options', () => {
  it('trains on background excludes without reading their labels, and drops them once labelled', () => {
    const options = { backgroundCount: 4, backgroundWeight: 0.5, seed: 5 }
    const model = trainRanker(index, labels, options)
    expect(model).not.toBeNull()
    // In this tiny corpus half the rows are background, so only the two cholesterol records must lead.
    const top = rankOrder(scoreRows(model!, index), new Set([0, 2, 3]), 1).slice(0, 2)
    expect([...top].sort()).toEqual([1, 4])
    const trainer = createRankTrainer(index, options)
    for (const row of [0, 1, 2, 3, 4, 5, 6, 7]) trainer.setLabel(row, row === 0 || row === 4 ? 1 : 0)
    const allLabelled = trainer.train()
    expect(allLabelled?.labelledCount).toBe(8)
  })

  it('brings naive Bayes in only after a run of excludes when ramped', () => {
    const ramped = createRankTrainer(index, { bayesWeight: 1, bayesSmoothing: 1, bayesRamp: 10 })
    const plain = createRankTrainer(index, { bayesWeight: 0 })
    for (const trainer of [ramped, plain]) {
      trainer.setLabel(2, 0)
      trainer.setLabel(0, 1)
    }
    const rampedScores = scoreRows(ramped.train()!, index)
    const plainScores = scoreRows(plain.train()!, index)
    expect([...rankOrder(rampedScores, new Set(), 1)]).toEqual([...rankOrder(plainScores, new Set(), 1)])
  })

  it('puts records without text first once the excludes since the last include reach blankAfter × rows / includes', () => {
    const withBlanks = buildTextIndex([...texts, '', ''])
    const trainer = createRankTrainer(withBlanks, { blankAfter: 1 })
    trainer.setLabel(0, 1)
    trainer.setLabel(1, 1)
    // 10 rows / 2 includes: blanks go first after 5 excludes in a row.
    for (const row of [2, 3, 5, 7]) trainer.setLabel(row, 0)
    expect(trainer.train()?.blanksFirst).toBe(false)
    trainer.setLabel(6, 0)
    const model = trainer.train()!
    expect(model.blanksFirst).toBe(true)
    const scores = scoreRows(model, withBlanks)
    expect([scores[8], scores[9]]).toEqual([Infinity, Infinity])
    expect([...rankOrder(scores, new Set([0, 1, 2, 3, 5, 6, 7]), 1)].slice(0, 2).sort()).toEqual([8, 9])
    const scorer = trainer.retrainScorer()!
    expect(scorer(8)).toBe(Infinity)
    trainer.setLabel(4, 1)
    expect(trainer.train()?.blanksFirst).toBe(false)
  })

  it('weighs includes by includeRatio × stuckRatio once the excludes since the last include reach stuckAfter × rows / includes', () => {
    const trainer = (includeRatio: number, stuckRatio: number): RankTrainer => {
      // A tight tolerance, so that models with the same costs agree however they were reached.
      const created = createRankTrainer(index, {
        includeRatio,
        stuckRatio,
        stuckAfter: 1,
        tolerance: 1e-9,
        maxEpochs: 1000,
      })
      for (const [row, label] of [
        [2, 0],
        [0, 1],
        [4, 1],
        [3, 0],
        [5, 0],
      ] as const)
        created.setLabel(row, label)
      return created
    }
    const weights = (each: RankTrainer): number[] => [...(each.train()?.weights ?? [])]
    const expectClose = (a: number[], b: number[]): void =>
      a.forEach((value, at) => expect(value).toBeCloseTo(b[at] ?? 0, 6))
    const stalling = trainer(9.8, 0.3)
    const plain = trainer(9.8, 1)
    const low = trainer(9.8 * 0.3, 1)
    // 8 rows / 2 includes: stuck from 4 excludes in a row. After 2, includes weigh 9.8× as usual.
    expectClose(weights(stalling), weights(plain))
    for (const each of [stalling, plain, low]) {
      each.setLabel(6, 0)
      each.setLabel(7, 0)
    }
    expectClose(weights(stalling), weights(low))
    expect(Math.abs((weights(stalling)[0] ?? 0) - (weights(plain)[0] ?? 0))).toBeGreaterThan(1e-3)
  })

  it('adds the similarity to the nearest include, and a warm start gives the cold model', () => {
    const many = Array.from({ length: 60 }, (_, row) => `${texts[row % 8]} topic${row % 20} own${row}`)
    const big = buildTextIndex(many, { minRecords: 1 })
    const decisions = [
      { row: 0, label: 1 as const },
      { row: 2, label: 0 as const },
      { row: 3, label: 0 as const },
      { row: 4, label: 1 as const },
    ]
    // A tight solver tolerance, so that warm and cold solutions agree closely.
    const options = { neighbourWeight: 0.5, tolerance: 0.001 }
    const plain = scoreRows(trainRanker(big, decisions, { neighbourWeight: 0, tolerance: 0.001 })!, big)
    const cold = trainRanker(big, decisions, options)!
    const withNeighbours = scoreRows(cold, big)
    // Row 40 repeats include 0 (text and topic): it gains more than row 41, which repeats an unlabelled record.
    expect((withNeighbours[40] ?? 0) - (plain[40] ?? 0)).toBeGreaterThan(
      (withNeighbours[41] ?? 0) - (plain[41] ?? 0),
    )
    const previous = trainRanker(big, decisions.slice(0, 3), options)
    const warmModel = trainRanker(big, decisions, { ...options, warmStart: previous })!
    expect([...(warmModel.nearest ?? [])]).toEqual([...(cold.nearest ?? [])])
    const warm = scoreRows(warmModel, big)
    warm.forEach((value, row) => expect(value).toBeCloseTo(withNeighbours[row] ?? 0, 3))
    // A warm start whose include was since relabelled an exclude forgets it.
    const flipped = [...decisions.slice(0, 3), { row: 4, label: 0 as const }]
    const fromWarm = trainRanker(big, flipped, { ...options, warmStart: cold })!
    const fromCold = trainRanker(big, flipped, options)!
    expect([...(fromWarm.nearest ?? [])]).toEqual([...(fromCold.nearest ?? [])])
  })

  it('weighs the nearest include by neighbourWeight + neighbourEarly / includes', () => {
    const trainer = (options: { neighbourWeight: number; neighbourEarly: number }): RankTrainer => {
      // A tight tolerance, so that the SVM part (which scales the term) is the same however it was reached.
      const created = createRankTrainer(index, { ...options, tolerance: 1e-9, maxEpochs: 1000 })
      created.setLabel(0, 1)
      created.setLabel(2, 0)
      return created
    }
    // With one include, 0.2 + 0.6 / 1 is the same model as a constant 0.8; with two, 0.2 + 0.6 / 2 = 0.5.
    const early = trainer({ neighbourWeight: 0.2, neighbourEarly: 0.6 })
    const constant = trainer({ neighbourWeight: 0.8, neighbourEarly: 0 })
    expect(early.train()?.nearestWeight).toBeCloseTo(constant.train()?.nearestWeight ?? 0, 9)
    const half = trainer({ neighbourWeight: 0.5, neighbourEarly: 0 })
    for (const each of [early, half]) each.setLabel(4, 1)
    expect(early.train()?.nearestWeight).toBeCloseTo(half.train()?.nearestWeight ?? 0, 9)
    const scorer = early.retrainScorer()!
    const scores = scoreRows(early.train()!, index)
    texts.forEach((_, row) => expect(scorer(row)).toBeCloseTo(scores[row] ?? 0, 9))
    // Early weight alone turns the neighbour term on.
    expect(trainer({ neighbourWeight: 0, neighbourEarly: 1 }).train()?.nearest).not.toBeNull()
  })

  it('with bayesSpread, adds the z-scores of the SVM and naive Bayes over the unlabelled records', () => {
    const base = { bayesSmoothing: 1, tolerance: 1e-9, maxEpochs: 1000, neighbourWeight: 0 }
    const scoresOf = (options: Record<string, number>): Float64Array =>
      scoreRows(trainRanker(index, labels, { ...base, ...options })!, index)
    const svm = scoresOf({ bayesWeight: 0 })
    const bayes = scoresOf({ svmWeight: 0, bayesWeight: 1, bayesSpread: 1 })
    const fused = scoresOf({ bayesWeight: 2, bayesSpread: 1 })
    const unlabelled = [1, 4, 5, 6, 7]
    const deviation = (values: Float64Array): number => {
      const picked = unlabelled.map((row) => values[row] ?? 0)
      const average = picked.reduce((a, b) => a + b, 0) / picked.length
      return Math.sqrt(picked.reduce((sum, value) => sum + (value - average) ** 2, 0) / picked.length)
    }
    // Naive Bayes alone comes out with unit spread; the fusion is svm / sd(svm) + 2 × that, up to a constant.
    expect(deviation(bayes)).toBeCloseTo(1, 9)
    const rest = unlabelled.map(
      (row) => (fused[row] ?? 0) - (svm[row] ?? 0) / deviation(svm) - 2 * (bayes[row] ?? 0),
    )
    for (const value of rest) expect(value).toBeCloseTo(rest[0] ?? 0, 9)
    // The incremental scorer agrees, with the nearest include on too.
    const options = { ...base, bayesWeight: 1, bayesSpread: 1, neighbourWeight: 0.3 }
    const trainer = createRankTrainer(index, options)
    for (const { row, label } of labels) trainer.setLabel(row, label)
    const scorer = trainer.retrainScorer()!
    const full = scoreRows(trainRanker(index, labels, options)!, index)
    texts.forEach((_, row) => expect(scorer(row)).toBeCloseTo(full[row] ?? 0, 9))
  })
})

describe('pseudo-relevance feedback', () => {
  // "cholesterol" is in no labelled record, only in the unlabelled record most like the include (row 2).
  const feedbackTexts = [
    'statin heart trial',
    'bird song',
    'statin heart trial cholesterol',
    'cholesterol diet',
    'garden diet',
  ]
  const feedbackIndex = buildTextIndex(feedbackTexts, { minRecords: 1, charGrams: 0 })
  const feedbackLabels = [
    { row: 0, label: 1 as const },
    { row: 1, label: 0 as const },
  ]
  const options = {
    neighbourWeight: 0,
    pseudoCount: 1,
    pseudoWeight: 0.5,
    tolerance: 1e-9,
    maxEpochs: 10_000,
  }

  it('trains on the top unlabelled record as a weak include, and drops it once it is labelled', () => {
    const off = scoreRows(
      trainRanker(feedbackIndex, feedbackLabels, { ...options, pseudoCount: 0 })!,
      feedbackIndex,
    )
    expect(off[3]).toBeCloseTo(off[4] ?? 0, 12)
    const on = scoreRows(trainRanker(feedbackIndex, feedbackLabels, options)!, feedbackIndex)
    // What the top record shares with "cholesterol diet" now points to inclusion.
    expect(on[3]).toBeGreaterThan((on[4] ?? 0) + 0.01)
    // Labelled for real (as an exclude), row 2 is no weak include any more: the live trainer agrees with a fresh one.
    const trainer = createRankTrainer(feedbackIndex, options)
    for (const { row, label } of feedbackLabels) trainer.setLabel(row, label)
    trainer.train()
    trainer.setLabel(2, 0)
    const live = scoreRows(trainer.train()!, feedbackIndex)
    const fresh = scoreRows(
      trainRanker(feedbackIndex, [...feedbackLabels, { row: 2, label: 0 }], options)!,
      feedbackIndex,
    )
    for (let row = 0; row < feedbackTexts.length; row++) expect(live[row]).toBeCloseTo(fresh[row] ?? 0, 4)
  })
})

describe('novelty while stalled', () => {
  const decided = [0, 2, 3]
  const trainer = (noveltyWeight: number): RankTrainer => {
    // 8 rows / 1 include × stuckAfter 0.25: stalled from 2 excludes in a row. A tight tolerance, so that models
    // with and without novelty have the same SVM part.
    const created = createRankTrainer(index, {
      noveltyWeight,
      stuckAfter: 0.25,
      tolerance: 1e-9,
      maxEpochs: 1000,
    })
    created.setLabel(0, 1)
    created.setLabel(2, 0)
    return created
  }
  const dot = (a: number, b: number): number => rowDot(index, a, b)

  it('adds noveltyWeight × (1 − highest similarity to any decided record) once stalled, and nothing before', () => {
    const [on, off] = [trainer(0.7), trainer(0)]
    // One exclude after the include: not stalled yet.
    const before = on.train()!
    expect(before.novelty).toBeNull()
    expect([...scoreRows(before, index)]).toEqual([...scoreRows(off.train()!, index)])
    for (const each of [on, off]) each.setLabel(3, 0)
    const model = on.train()!
    const novelty = model.novelty!
    expect(novelty).not.toBeNull()
    texts.forEach((_, row) => {
      const nearest = Math.max(...decided.map((other) => dot(row, other)))
      expect(novelty[row]).toBeCloseTo(1 - nearest, 5)
    })
    const withNovelty = scoreRows(model, index)
    const plain = scoreRows(off.train()!, index)
    expect(model.noveltyWeight).toBeGreaterThan(0)
    texts.forEach((_, row) =>
      expect((withNovelty[row] ?? 0) - (plain[row] ?? 0)).toBeCloseTo(
        model.noveltyWeight * (novelty[row] ?? 0),
        6,
      ),
    )
    // The scorer the simulation uses ranks the same way.
    const scorer = on.retrainScorer()!
    texts.forEach((_, row) => expect(scorer(row)).toBeCloseTo(withNovelty[row] ?? 0, 9))
    // An include resets the run: no novelty again.
    on.setLabel(4, 1)
    expect(on.train()?.novelty).toBeNull()
  })

  it('with noveltyPrevalence, scales the novelty weight by includes / records decided', () => {
    const scaled = createRankTrainer(index, {
      noveltyWeight: 0.9,
      noveltyPrevalence: 1,
      stuckAfter: 0.25,
      tolerance: 1e-9,
      maxEpochs: 1000,
    })
    const constant = trainer(0.9 / 3)
    for (const [row, label] of [
      [0, 1],
      [2, 0],
      [3, 0],
    ] as const)
      scaled.setLabel(row, label)
    constant.setLabel(3, 0)
    // 1 include of 3 decided: 0.9 × 1/3.
    const model = scaled.train()!
    expect(model.novelty).not.toBeNull()
    expect(model.noveltyWeight).toBeCloseTo(constant.train()?.noveltyWeight ?? 0, 9)
    const expected = scoreRows(constant.train()!, index)
    scoreRows(model, index).forEach((value, row) => expect(value).toBeCloseTo(expected[row] ?? 0, 9))
  })
})
