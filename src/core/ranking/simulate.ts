import { mulberry32 } from '../screening/queue'
import { simulationMetrics, type SimulationMetrics } from './metrics'
import { createRankTrainer, tieBreakKeys, type RankerOptions } from './ranker'
import type { TextIndex } from './text-index'

/** One simulated screening run (the ASReview protocol). */
export type SimulationOptions = {
  /** Seeds the priors, the tie-breaks and the solver; the same seed gives the same run. */
  seed: number
  /** Rows labelled before the first ranking (0-based). Default: one random include and one random exclude. */
  priorRows?: readonly number[]
  ranker?: RankerOptions
}

export type SimulationResult = {
  seed: number
  priorRows: number[]
  /** Rows in the order they were screened after the priors, up to and including the last include. */
  order: Int32Array
  metrics: SimulationMetrics
}

/** Picks one random include and one random exclude, never by file position. */
export function randomPriors(labels: ArrayLike<number>, seed: number): number[] {
  const random = mulberry32(seed ^ 0x5bd1e995)
  const includes: number[] = []
  const excludes: number[] = []
  for (let row = 0; row < labels.length; row++) (labels[row] === 1 ? includes : excludes).push(row)
  const pick = (rows: number[]): number => rows[Math.floor(random() * rows.length)] ?? -1
  return [pick(includes), pick(excludes)].filter((row) => row >= 0)
}

/** The best unlabelled row: highest score, ties by the run's random keys. −1 when none is left. */
export function bestUnlabelled(
  score: (row: number) => number,
  isLabelled: Uint8Array,
  keys: Float64Array,
): number {
  let best = -1
  let bestScore = -Infinity
  let bestKey = Infinity
  for (let row = 0; row < isLabelled.length; row++) {
    if (isLabelled[row]) continue
    const value = score(row)
    const key = keys[row] ?? 0
    if (value > bestScore || (value === bestScore && key < bestKey)) {
      best = row
      bestScore = value
      bestKey = key
    }
  }
  return best
}

/**
 * Simulates screening with known labels: label the priors, then repeatedly retrain on every label so far and
 * screen the top-ranked unlabelled record, until the last include is found. Until the labels hold both classes the
 * next record is drawn at random (the cold start). Deterministic for a seed. Metrics exclude the priors.
 */
export function simulateScreening(
  index: TextIndex,
  labels: ArrayLike<number>,
  options: SimulationOptions,
): SimulationResult {
  const { seed } = options
  const rowCount = index.rowCount
  const priorRows = [...(options.priorRows ?? randomPriors(labels, seed))]
  const trainer = createRankTrainer(index, { ...options.ranker, seed: options.ranker?.seed ?? seed })
  const keys = tieBreakKeys(rowCount, seed ^ 0x27d4eb2d)
  const isLabelled = new Uint8Array(rowCount)
  let relevantLeft = 0
  for (let row = 0; row < rowCount; row++) if (labels[row] === 1) relevantLeft++
  for (const row of priorRows) {
    if (isLabelled[row]) continue
    isLabelled[row] = 1
    trainer.setLabel(row, labels[row] === 1 ? 1 : 0)
    if (labels[row] === 1) relevantLeft--
  }
  const relevant = relevantLeft
  const total = rowCount - priorRows.filter((row, at) => priorRows.indexOf(row) === at).length
  const order: number[] = []
  const screened: number[] = []
  while (relevantLeft > 0) {
    const next = bestUnlabelled(trainer.retrainScorer() ?? (() => 0), isLabelled, keys)
    if (next < 0) break
    const label = labels[next] === 1 ? 1 : 0
    isLabelled[next] = 1
    trainer.setLabel(next, label)
    order.push(next)
    screened.push(label)
    relevantLeft -= label
  }
  return {
    seed,
    priorRows,
    order: Int32Array.from(order),
    metrics: simulationMetrics(screened, total, relevant),
  }
}
