import type { TextIndex } from './text-index'

/**
 * Multinomial naive Bayes over the TF-IDF values (the model of ASReview 1.x), kept as per-class feature sums so
 * that a decision updates it in time proportional to the record's length. Its log-odds weights are fused with the
 * linear model's: naive Bayes ranks well from very few labels, the linear model once there are more.
 */
export type BayesState = {
  index: TextIndex
  /** Sum of TF-IDF values per feature over excluded [0] and included [1] rows. */
  sums: [Float64Array, Float64Array]
  /** ln(sum + smoothing) per feature and class, kept up to date so a retrain takes no logarithms. */
  logSums: [Float64Array, Float64Array]
  /** Per-feature log ratio d = logSums[1] − logSums[0], with Σ d and Σ d² kept up to date (for the norm). */
  odds: Float64Array
  oddsSum: number
  oddsSquares: number
  totals: [number, number]
  counts: [number, number]
  /** Additive (Laplace/Lidstone) smoothing per feature. */
  smoothing: number
}

export function createBayesState(index: TextIndex, smoothing: number): BayesState {
  const logSmoothing = () => new Float64Array(index.featureCount).fill(Math.log(smoothing))
  return {
    index,
    sums: [new Float64Array(index.featureCount), new Float64Array(index.featureCount)],
    logSums: [logSmoothing(), logSmoothing()],
    odds: new Float64Array(index.featureCount),
    oddsSum: 0,
    oddsSquares: 0,
    totals: [0, 0],
    counts: [0, 0],
    smoothing,
  }
}

/** Adds (sign 1) or removes (sign −1) a labelled row's values to its class. */
export function updateBayes(state: BayesState, row: number, label: 0 | 1, sign: 1 | -1): void {
  const { rowStart, columns, values } = state.index
  const sums = state.sums[label]
  const logSums = state.logSums[label]
  let added = 0
  for (let at = rowStart[row] ?? 0, end = rowStart[row + 1] ?? 0; at < end; at++) {
    const column = columns[at] ?? 0
    const value = sign * (values[at] ?? 0)
    const sum = Math.max(0, (sums[column] ?? 0) + value)
    sums[column] = sum
    logSums[column] = Math.log(sum + state.smoothing)
    const before = state.odds[column] ?? 0
    const after = (state.logSums[1][column] ?? 0) - (state.logSums[0][column] ?? 0)
    state.odds[column] = after
    state.oddsSum += after - before
    state.oddsSquares += after * after - before * before
    added += value
  }
  state.totals[label] += added
  state.counts[label] += sign
}

/** The class-size term of the log-odds: ln(T₁ + αV) − ln(T₀ + αV), subtracted from every feature's ratio. */
export function bayesShift(state: BayesState): number {
  const { totals, smoothing } = state
  const features = state.index.featureCount
  return (
    Math.log(Math.max(0, totals[1]) + smoothing * features) -
    Math.log(Math.max(0, totals[0]) + smoothing * features)
  )
}

/** ‖d − shift‖ over all features, from the running sums (no pass over the vocabulary). */
export function bayesNorm(state: BayesState, shift: number): number {
  const features = state.index.featureCount
  const squares = state.oddsSquares - 2 * shift * state.oddsSum + features * shift * shift
  return Math.sqrt(Math.max(0, squares)) || 1
}

/**
 * Writes the per-feature log-odds ln P(feature | include) − ln P(feature | exclude) into `out`. Ranking by
 * x · out is ranking by the naive Bayes posterior (the class prior is a constant shift).
 */
export function bayesLogOdds(state: BayesState, out: Float64Array): void {
  const shift = bayesShift(state)
  const odds = state.odds
  for (let feature = 0; feature < state.index.featureCount; feature++)
    out[feature] = (odds[feature] ?? 0) - shift
}
