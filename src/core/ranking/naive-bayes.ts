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
  /**
   * Rebalance the classes as ASReview's "double" balance does by resampling, but in expectation: the include sums
   * are scaled up and the exclude sums down by the expected resampling factors ({@link doubleBalanceScales}). The
   * scales change with every decision, so the log ratios are recomputed on each retrain ({@link refreshBayes}).
   */
  double: boolean
  /** Current class scales [exclude, include] (1, 1 without rebalancing). */
  scales: [number, number]
}

export function createBayesState(index: TextIndex, smoothing: number, double = false): BayesState {
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
    double,
    scales: [1, 1],
  }
}

/**
 * Adds (sign 1) or removes (sign −1) a labelled row's values to its class. Latent features (dense, possibly
 * negative: not counts) are left out, so their log-odds stay 0.
 */
export function updateBayes(state: BayesState, row: number, label: 0 | 1, sign: 1 | -1): void {
  const { rowStart, columns, values, latent } = state.index
  const sums = state.sums[label]
  const logSums = state.logSums[label]
  let added = 0
  for (let at = rowStart[row] ?? 0, end = rowStart[row + 1] ?? 0; at < end; at++) {
    const column = columns[at] ?? 0
    if (latent[column]) continue
    const value = sign * (values[at] ?? 0)
    const sum = Math.max(0, (sums[column] ?? 0) + value)
    sums[column] = sum
    added += value
    if (state.double) continue
    logSums[column] = Math.log(sum + state.smoothing)
    const before = state.odds[column] ?? 0
    const after = (state.logSums[1][column] ?? 0) - (state.logSums[0][column] ?? 0)
    state.odds[column] = after
    state.oddsSum += after - before
    state.oddsSquares += after * after - before * before
  }
  state.totals[label] += added
  state.counts[label] += sign
}

/** The class-size term of the log-odds: ln(T₁ + αV) − ln(T₀ + αV), subtracted from every feature's ratio. */
export function bayesShift(state: BayesState): number {
  const { totals, smoothing, scales } = state
  const features = state.index.featureCount
  return (
    Math.log(scales[1] * Math.max(0, totals[1]) + smoothing * features) -
    Math.log(scales[0] * Math.max(0, totals[0]) + smoothing * features)
  )
}

/**
 * The expected resampling factors [exclude, include] of ASReview's double balance (a 2.155, α 0.94, b 0.789,
 * β 1): includes are copied and excludes subsampled so that the training set keeps its size while the includes'
 * share grows to a · (n₁/n₀)^−α · n₁ against (1 − (1 − b) / (1 + ln n)) · n₀.
 */
export function doubleBalanceScales(includes: number, excludes: number): [number, number] {
  const total = includes + excludes
  if (includes <= 0 || excludes <= 0) return [1, 1]
  const includeWeight = 2.155 * Math.pow(includes / excludes, -0.94)
  const excludeWeight = 1 - (1 - 0.789) / (1 + Math.log(total))
  const includeRows =
    (includeWeight * includes * total) / (includeWeight * includes + excludeWeight * excludes)
  const kept = Math.max(1, Math.min(total - 2, includeRows))
  return [(total - kept) / excludes, kept / includes]
}

/** In double-balance mode: recomputes the per-feature log ratios with the current class scales. */
export function refreshBayes(state: BayesState): void {
  if (!state.double) return
  const scales = doubleBalanceScales(state.counts[1], state.counts[0])
  state.scales = scales
  const [excluded, included] = state.sums
  const { odds, smoothing } = state
  let sum = 0
  let squares = 0
  for (let feature = 0; feature < odds.length; feature++) {
    const value =
      Math.log(scales[1] * (included[feature] ?? 0) + smoothing) -
      Math.log(scales[0] * (excluded[feature] ?? 0) + smoothing)
    odds[feature] = value
    sum += value
    squares += value * value
  }
  state.oddsSum = sum
  state.oddsSquares = squares
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
