import { simulationMetrics, type SimulationMetrics } from '../src/core/ranking/metrics'
import { createRankTrainer, tieBreakKeys, type RankerOptions } from '../src/core/ranking/ranker'
import { bestUnlabelled } from '../src/core/ranking/simulate'
import { buildTextIndex, type TextIndex } from '../src/core/ranking/text-index'
import type { ScreeningDataset } from './rank-data'
import { datasetScore, type DatasetScore, type RankConfig } from './rank-sim'

/**
 * The ASReview simulation (as `simulateScreening`) with several models at once: each is retrained after every
 * label, its scores over the unscreened records are standardised (minus their mean, over their standard deviation),
 * and the record with the highest sum is screened next. A record a member puts first outright (a record without
 * text while the model has stalled scores +∞) stays first. With one member it screens in exactly
 * `simulateScreening`'s order. With `othersWhileStalled`, the first member ranks alone except while the model has
 * stalled (the run of excludes since the last include at least rows / includes so far, the ranker's rule), when the
 * others join it: a switch to a wider view only where the first has run out of includes to find.
 */
export function simulateEnsemble(
  members: ReadonlyArray<{ index: TextIndex; ranker: RankerOptions }>,
  labels: ArrayLike<number>,
  seed: number,
  priorRows: readonly number[],
  othersWhileStalled = false,
): SimulationMetrics {
  const rowCount = labels.length
  const trainers = members.map(({ index, ranker }) =>
    createRankTrainer(index, { ...ranker, seed: ranker.seed ?? seed }),
  )
  const keys = tieBreakKeys(rowCount, seed ^ 0x27d4eb2d)
  const isLabelled = new Uint8Array(rowCount)
  const label = (row: number): 0 | 1 => (labels[row] === 1 ? 1 : 0)
  let includesLeft = 0
  for (let row = 0; row < rowCount; row++) includesLeft += label(row)
  const priors = [...new Set(priorRows)]
  for (const row of priors) {
    isLabelled[row] = 1
    for (const trainer of trainers) trainer.setLabel(row, label(row))
    includesLeft -= label(row)
  }
  const relevant = includesLeft
  let includes = 0
  for (const row of priors) includes += label(row)
  let excludeRun = 0
  const screened: number[] = []
  const summed = new Float64Array(rowCount)
  const scores = new Float64Array(rowCount)
  while (includesLeft > 0) {
    summed.fill(0)
    const stalled = excludeRun >= rowCount / Math.max(1, includes)
    for (const [member, trainer] of trainers.entries()) {
      if (othersWhileStalled && member > 0 && !stalled) continue
      const score = trainer.retrainScorer() ?? (() => 0)
      let sum = 0
      let squares = 0
      let count = 0
      for (let row = 0; row < rowCount; row++) {
        if (isLabelled[row]) continue
        const value = score(row)
        scores[row] = value
        if (!Number.isFinite(value)) continue
        sum += value
        squares += value * value
        count++
      }
      const mean = count > 0 ? sum / count : 0
      const spread = Math.sqrt(Math.max(0, squares / Math.max(1, count) - mean * mean)) || 1
      for (let row = 0; row < rowCount; row++) {
        if (isLabelled[row]) continue
        const value = scores[row] ?? 0
        summed[row] = (summed[row] ?? 0) + (Number.isFinite(value) ? (value - mean) / spread : value)
      }
    }
    const next = bestUnlabelled((row) => summed[row] ?? 0, isLabelled, keys)
    if (next < 0) break
    isLabelled[next] = 1
    for (const trainer of trainers) trainer.setLabel(next, label(next))
    screened.push(label(next))
    includesLeft -= label(next)
    includes += label(next)
    excludeRun = label(next) ? 0 : excludeRun + 1
  }
  return simulationMetrics(screened, rowCount - priors.length, relevant)
}

/** `scoreDataset` for an ensemble of configurations (see {@link simulateEnsemble}). */
export function scoreEnsemble(
  dataset: ScreeningDataset,
  configs: readonly RankConfig[],
  seeds = 5,
  othersWhileStalled = false,
): DatasetScore {
  const started = performance.now()
  const { texts, titleLengths, metadata, labels } = dataset.data
  const members = configs.map((config) => ({
    index: buildTextIndex(texts, config.index, titleLengths, metadata),
    ranker: config.ranker,
  }))
  const runs = (dataset.references.svm_u4 ?? []).slice(0, seeds)
  const results = runs.map((run) =>
    simulateEnsemble(members, labels, run.seed, run.prior, othersWhileStalled),
  )
  return datasetScore(dataset.name, results, started)
}
