import { mulberry32 } from '../screening/queue'
import {
  createSvmState,
  drawBackground,
  rowScore,
  setPseudoIncludes,
  setSvmLabel,
  trainSvm,
  type SvmOptions,
  type SvmState,
} from './linear-svm'
import { defaultRankerOptions } from './defaults'
import {
  bayesLogOdds,
  bayesNorm,
  bayesShift,
  createBayesState,
  refreshBayes,
  updateBayes,
  type BayesState,
} from './naive-bayes'
import {
  addNeighbour,
  cloneNeighbours,
  createNeighbours,
  flushNeighbours,
  removeNeighbour,
  type NeighbourState,
} from './neighbours'
import { featureTerm, type TextIndex } from './text-index'

/** Settings of the ranking model (see {@link SvmOptions}); all optional. */
export type RankerOptions = SvmOptions & {
  /**
   * Weight of naive Bayes in the fused model: weights = w_svm / ‖w_svm‖ + bayesWeight · w_nb / ‖w_nb‖.
   * 0 = the linear SVM alone.
   */
  bayesWeight?: number
  /**
   * Naive Bayes comes in gradually as excludes accumulate in a row: its weight is bayesWeight · min(1, run /
   * bayesRamp), where run counts the excludes since the last include. While the linear model keeps finding
   * includes it ranks alone; once it stalls, naive Bayes (which favours records unlike the excludes so far) widens
   * the search. 0 = full weight from the start.
   */
  bayesRamp?: number
  /** Naive Bayes smoothing per feature. */
  bayesSmoothing?: number
  /** 1 = naive Bayes rebalances its classes like ASReview's "double" balance (see `doubleBalanceScales`). */
  bayesDouble?: number
  /** Weight of the SVM in the fusion (0 = naive Bayes alone, when `bayesWeight` > 0). */
  svmWeight?: number
  /**
   * 1 = fuse the SVM and naive Bayes as an ensemble of z-scored margins: each model's scores are divided by their
   * standard deviation over the records still unlabelled (rather than its weight vector by its length), so both
   * move the ranking of the records actually being ranked by the same amount per unit of weight, whatever the
   * spread of their scales. The result is still one linear model. 0 = scaled by weight length.
   */
  bayesSpread?: number
  /**
   * Adds this times a record's highest cosine similarity to any include (see `neighbours.ts`) to its score, the
   * linear part counted as unit-length weights (a cosine too). 0 = off.
   */
  neighbourWeight?: number
  /**
   * While includes are few, similarity to them counts for more: the neighbour term's weight is neighbourWeight +
   * neighbourEarly / includes (one or two includes say little a linear model can generalise from, but their near
   * copies are likely includes too). 0 = a constant weight.
   */
  neighbourEarly?: number
  /** With `neighbourWeight`: minus this times the highest cosine similarity to any exclude (0 = includes only). */
  neighbourExclude?: number
  /**
   * Exploration while the model has stalled (the run of excludes since the last include at least `stuckAfter` ×
   * rows / includes, as for `stuckRatio`): adds this times a record's novelty, 1 − its highest cosine similarity to
   * any record decided so far (include or exclude), to its score, in the units of the neighbour term. Records unlike
   * anything screened then come forward, where includes on a topic the model has not seen wait. Unlike
   * `neighbourExclude` it acts only while stalled, and it does not push away records near an include. 0 = off.
   */
  noveltyWeight?: number
  /**
   * 1 = the novelty weight is `noveltyWeight` × includes / records decided so far (the share of includes among the
   * records screened). Exploring pays where a record unlike those screened is still likely an include (reviews whose
   * search returned mostly on-topic records, with many includes); where includes are rare it mostly finds excludes.
   * 0 = a constant weight.
   */
  noveltyPrevalence?: number
  /**
   * Records without any text cannot be ranked; their chance of inclusion is the base rate. They are put first once
   * the run of excludes since the last include reaches `blankAfter` × rows / includes so far (the mean gap between
   * includes when screening in random order), i.e. when the model has stopped doing better than chance. 0 = never
   * (they stay where the bias puts them).
   */
  blankAfter?: number
  /**
   * While the run of excludes since the last include is at least `stuckAfter` × rows / includes (the model no
   * better than chance, as for `blankAfter`), includes weigh `stuckRatio` times what `includeRatio` gives them.
   * Below 1, a model that weighs includes heavily while it keeps finding them (more includes early) leans on them
   * less once it has stalled, where a lower weight found the last includes sooner. 1 = off.
   */
  stuckRatio?: number
  stuckAfter?: number
  /**
   * Pseudo-relevance feedback: after each training, the `pseudoCount` unlabelled records (with text) that score
   * highest are trained on as includes at `pseudoWeight` × an include's cost, and the model is trained again; they
   * are dropped before the next training. The model then leans towards what its own best guesses share, which widens
   * a model built on a few includes. Only while fewer than `pseudoUntil` includes are known (0 = always). 0 = off.
   */
  pseudoCount?: number
  pseudoWeight?: number
  pseudoUntil?: number
}

/** One screening decision the model learns from: a row of the {@link TextIndex} and include (1) or exclude (0). */
export type RowLabel = { row: number; label: 0 | 1 }

/**
 * A trained ranking model. `weights` has one weight per feature of the index it was trained on, then the bias.
 * `duals` and `labels` (per row) let the next retrain start from this solution ({@link trainRanker}'s `warmStart`).
 */
export type RankModel = {
  weights: Float64Array
  /** The neighbour sets behind `nearest`, so that a warm-started retrain only adds what changed. */
  neighbourSets: [NeighbourState | null, NeighbourState | null]
  /** Per row: highest cosine similarity to an include, added × `nearestWeight` to the score (null = off). */
  nearest: Float32Array | null
  nearestWeight: number
  /** Per row: novelty (see {@link RankerOptions.noveltyWeight}) while the model has stalled, else null. */
  novelty: Float32Array | null
  noveltyWeight: number
  /** Records without text go first (see {@link RankerOptions.blankAfter}). */
  blanksFirst: boolean
  duals: Float64Array
  labels: Int8Array
  labelledCount: number
}

/** Everything a retrain needs: the SVM's dual solution, the naive Bayes sums, and a buffer for fused weights. */
type RankerState = {
  svm: SvmState
  bayes: BayesState | null
  bayesWeight: number
  svmWeight: number
  bayesSpread: boolean
  bayesRamp: number
  /** Excludes decided since the last include (in the order labels were given). */
  excludeRun: number
  fused: Float64Array | null
  neighbours: NeighbourState | null
  excludeNeighbours: NeighbourState | null
  neighbourExclude: number
  /** nearest include − neighbourExclude × nearest exclude, per row (with excludes on). */
  proximity: Float32Array | null
  neighbourWeight: number
  neighbourEarly: number
  noveltyWeight: number
  noveltyPrevalence: boolean
  /** Per row: 1 − highest similarity to any decided record (with novelty on). */
  novelty: Float32Array | null
  blankAfter: number
  includeCount: number
  /** Excludes decided (background excludes and weak includes not counted). */
  excludeCount: number
  stuckRatio: number
  stuckAfter: number
  includeRatio: number
  pseudoCount: number
  pseudoWeight: number
  pseudoUntil: number
}

function createRankerState(index: TextIndex, options: RankerOptions): RankerState {
  const bayesWeight = options.bayesWeight ?? defaultRankerOptions.bayesWeight
  const hasBayes = bayesWeight > 0
  const neighbourWeight = options.neighbourWeight ?? defaultRankerOptions.neighbourWeight
  const neighbourExclude = options.neighbourExclude ?? defaultRankerOptions.neighbourExclude
  const neighbourEarly = options.neighbourEarly ?? defaultRankerOptions.neighbourEarly
  const noveltyWeight = options.noveltyWeight ?? defaultRankerOptions.noveltyWeight
  const hasNeighbours = neighbourWeight > 0 || neighbourEarly > 0 || noveltyWeight > 0
  const svm = createSvmState(index, options)
  drawBackground(svm)
  return {
    svm,
    bayes: hasBayes
      ? createBayesState(
          index,
          options.bayesSmoothing ?? defaultRankerOptions.bayesSmoothing,
          (options.bayesDouble ?? defaultRankerOptions.bayesDouble) > 0,
        )
      : null,
    bayesWeight,
    svmWeight: options.svmWeight ?? defaultRankerOptions.svmWeight,
    bayesSpread: (options.bayesSpread ?? defaultRankerOptions.bayesSpread) > 0,
    bayesRamp: options.bayesRamp ?? defaultRankerOptions.bayesRamp,
    excludeRun: 0,
    fused: hasBayes ? new Float64Array(index.featureCount + 1) : null,
    neighbours: hasNeighbours ? createNeighbours(index) : null,
    excludeNeighbours:
      hasNeighbours && (neighbourExclude > 0 || noveltyWeight > 0) ? createNeighbours(index) : null,
    neighbourExclude,
    proximity: hasNeighbours && neighbourExclude > 0 ? new Float32Array(index.rowCount) : null,
    neighbourWeight,
    neighbourEarly,
    noveltyWeight,
    noveltyPrevalence: (options.noveltyPrevalence ?? defaultRankerOptions.noveltyPrevalence) > 0,
    novelty: noveltyWeight > 0 ? new Float32Array(index.rowCount) : null,
    blankAfter: options.blankAfter ?? defaultRankerOptions.blankAfter,
    includeCount: 0,
    excludeCount: 0,
    stuckRatio: options.stuckRatio ?? defaultRankerOptions.stuckRatio,
    stuckAfter: options.stuckAfter ?? defaultRankerOptions.stuckAfter,
    includeRatio: svm.options.includeRatio,
    pseudoCount: options.pseudoCount ?? defaultRankerOptions.pseudoCount,
    pseudoWeight: options.pseudoWeight ?? defaultRankerOptions.pseudoWeight,
    pseudoUntil: options.pseudoUntil ?? defaultRankerOptions.pseudoUntil,
  }
}

function setRankerLabel(state: RankerState, row: number, label: 0 | 1 | null, startDual = 0): void {
  // Background excludes are not decisions: naive Bayes never counted them.
  const { isBackground, isPseudo } = state.svm
  const previous = isBackground[row] || isPseudo[row] ? 0 : (state.svm.labels[row] ?? 0)
  if (state.bayes && previous !== 0) updateBayes(state.bayes, row, previous === 1 ? 1 : 0, -1)
  if (state.neighbours && previous === 1 && label !== 1) removeNeighbour(state.neighbours, row)
  if (state.neighbours && previous !== 1 && label === 1) addNeighbour(state.neighbours, row)
  const far = state.excludeNeighbours
  if (far && previous === -1 && label !== 0) removeNeighbour(far, row)
  if (far && previous !== -1 && label === 0) addNeighbour(far, row)
  if (previous === 1) state.includeCount--
  if (label === 1) state.includeCount++
  if (previous === -1) state.excludeCount--
  if (label === 0) state.excludeCount++
  setSvmLabel(state.svm, row, label, startDual)
  if (label === 1) state.excludeRun = 0
  else if (label === 0) state.excludeRun++
  if (state.bayes && label !== null) updateBayes(state.bayes, row, label, 1)
}

/** Per row, what the neighbours add to the score (before `neighbourWeight`), or null when off. */
function proximity(state: RankerState): Float32Array | null {
  const { neighbours, excludeNeighbours, proximity } = state
  if (!neighbours) return null
  const near = flushNeighbours(neighbours)
  if (!excludeNeighbours || !proximity) return near
  const far = flushNeighbours(excludeNeighbours)
  const { neighbourExclude } = state
  for (let row = 0; row < proximity.length; row++)
    proximity[row] = (near[row] ?? 0) - neighbourExclude * (far[row] ?? 0)
  return proximity
}

/**
 * Per row, 1 − the highest cosine similarity to any decided record, while the model has stalled (see
 * {@link RankerOptions.noveltyWeight}); null when off or not stalled.
 */
function noveltyNow(state: RankerState): Float32Array | null {
  const { novelty, neighbours, excludeNeighbours } = state
  if (!novelty || !neighbours || !excludeNeighbours || !isStuck(state, state.stuckAfter)) return null
  const near = flushNeighbours(neighbours)
  const far = flushNeighbours(excludeNeighbours)
  for (let row = 0; row < novelty.length; row++) novelty[row] = 1 - Math.max(near[row] ?? 0, far[row] ?? 0)
  return novelty
}

/** The novelty weight now (see {@link RankerOptions.noveltyPrevalence}). */
function noveltyWeightNow(state: RankerState): number {
  if (!state.noveltyPrevalence) return state.noveltyWeight
  const decided = state.includeCount + state.excludeCount
  return decided > 0 ? (state.noveltyWeight * state.includeCount) / decided : 0
}

/** The weight of the neighbour term now (see {@link RankerOptions.neighbourEarly}). */
const neighbourWeightNow = (state: RankerState): number =>
  state.neighbourWeight + state.neighbourEarly / Math.max(1, state.includeCount)

/** Whether the run of excludes since the last include reaches `after` × rows / includes so far. */
function isStuck(state: RankerState, after: number): boolean {
  if (after <= 0) return false
  return state.excludeRun >= (after * state.svm.index.rowCount) / Math.max(1, state.includeCount)
}

/** Whether records without text go first now (see {@link RankerOptions.blankAfter}). */
const blanksFirst = (state: RankerState): boolean => isStuck(state, state.blankAfter)

/**
 * Trains the SVM, with includes weighted by `stuckRatio` while the model is stuck (see {@link RankerOptions.stuckRatio}),
 * then again with its top unlabelled records as weak includes while pseudo-relevance feedback is on.
 */
function trainSvmNow(state: RankerState): boolean {
  const stuck = state.stuckRatio !== 1 && isStuck(state, state.stuckAfter)
  const { svm } = state
  svm.options.includeRatio = state.includeRatio * (stuck ? state.stuckRatio : 1)
  if (svm.pseudo.length > 0) setPseudoIncludes(svm, [], 0)
  if (!trainSvm(svm)) return false
  const feedback =
    state.pseudoCount > 0 &&
    state.pseudoWeight > 0 &&
    (state.pseudoUntil <= 0 || state.includeCount < state.pseudoUntil)
  if (!feedback) return true
  setPseudoIncludes(svm, topUnlabelled(state, state.pseudoCount), state.pseudoWeight)
  return trainSvm(svm)
}

/** The `count` unlabelled rows with text that the SVM and the neighbour term score highest (ties: lower row). */
function topUnlabelled(state: RankerState, count: number): number[] {
  const { svm } = state
  const { index, weights, labels } = svm
  const nearest = proximity(state)
  const scale = nearest ? neighbourWeightNow(state) * Math.sqrt(svm.squaredNorm) : 0
  const rows: number[] = []
  const scores: number[] = []
  for (let row = 0; row < index.rowCount; row++) {
    if (labels[row] !== 0 || isBlank(index, row)) continue
    const score = rowScore(weights, index, row) + (nearest ? scale * (nearest[row] ?? 0) : 0)
    if (rows.length === count) {
      if (score <= (scores[count - 1] ?? -Infinity)) continue
      rows.pop()
      scores.pop()
    }
    let at = rows.length
    while (at > 0 && (scores[at - 1] ?? -Infinity) < score) at--
    rows.splice(at, 0, row)
    scores.splice(at, 0, score)
  }
  return rows
}

const isBlank = (index: TextIndex, row: number): boolean =>
  (index.rowStart[row + 1] ?? 0) === (index.rowStart[row] ?? 0)

/**
 * Scale factors of the fusion: svmWeight/‖w_svm‖ and bayesWeight/‖w_nb‖, from running sums; with `bayesSpread`,
 * svmWeight and bayesWeight over the standard deviations of the two models' scores over the unlabelled records.
 */
function fusionScales(state: RankerState): { svm: number; bayes: number; shift: number } {
  const svm = state.svmWeight / (Math.sqrt(state.svm.squaredNorm) || 1)
  if (!state.bayes) return { svm, bayes: 0, shift: 0 }
  refreshBayes(state.bayes)
  const shift = bayesShift(state.bayes)
  const ramp = state.bayesRamp > 0 ? Math.min(1, state.excludeRun / state.bayesRamp) : 1
  if (!state.bayesSpread)
    return { svm, bayes: (state.bayesWeight * ramp) / bayesNorm(state.bayes, shift), shift }
  const spread = scoreSpreads(state, state.bayes.odds, shift)
  return {
    svm: state.svmWeight / (spread.svm || 1),
    bayes: (state.bayesWeight * ramp) / (spread.bayes || 1),
    shift,
  }
}

/** Standard deviations of the SVM's margins and of naive Bayes' log-odds over the unlabelled records. */
function scoreSpreads(state: RankerState, odds: Float64Array, shift: number): { svm: number; bayes: number } {
  const { svm } = state
  const margins = { svm: 0, bayes: 0 }
  let count = 0
  let [svmSum, svmSquares, bayesSum, bayesSquares] = [0, 0, 0, 0]
  for (let row = 0; row < svm.index.rowCount; row++) {
    if (svm.labels[row] !== 0 && !svm.isBackground[row] && !svm.isPseudo[row]) continue
    readMargins(svm.index, svm.weights, odds, shift, row, margins)
    count++
    svmSum += margins.svm
    svmSquares += margins.svm * margins.svm
    bayesSum += margins.bayes
    bayesSquares += margins.bayes * margins.bayes
  }
  const deviation = (sum: number, squares: number): number =>
    count < 2 ? 0 : Math.sqrt(Math.max(0, squares / count - (sum / count) ** 2))
  return { svm: deviation(svmSum, svmSquares), bayes: deviation(bayesSum, bayesSquares) }
}

/**
 * One row's SVM margin (without the bias) and naive Bayes' log-odds less `shift` per unit of length, read in one
 * pass over the row and written into `into` (no allocation per row).
 */
function readMargins(
  index: TextIndex,
  weights: Float64Array,
  odds: Float64Array,
  shift: number,
  row: number,
  into: { svm: number; bayes: number },
): void {
  const { rowStart, columns, values } = index
  let linear = 0
  let ratio = 0
  let length = 0
  for (let at = rowStart[row] ?? 0, end = rowStart[row + 1] ?? 0; at < end; at++) {
    const column = columns[at] ?? 0
    const value = values[at] ?? 0
    linear += (weights[column] ?? 0) * value
    ratio += (odds[column] ?? 0) * value
    length += value
  }
  into.svm = linear
  into.bayes = ratio - shift * length
}

/**
 * The weight of a term in the neighbour term's units (the neighbour weight itself by default) in a fusion with naive
 * Bayes: as beside the SVM alone, relative to its scale.
 */
const fusedNearestWeight = (
  state: RankerState,
  svmScale: number,
  weight = neighbourWeightNow(state),
): number => (state.bayesSpread ? weight * Math.sqrt(state.svm.squaredNorm) * svmScale : weight)

/** Trains the SVM and, with naive Bayes on, fuses the two unit-length weight vectors into one linear model. */
function trainRankerState(state: RankerState): RankModel | null {
  const { svm, bayes, fused } = state
  if (!trainSvmNow(state)) return null
  let weights = svm.weights
  let nearestWeight = neighbourWeightNow(state) * Math.sqrt(svm.squaredNorm)
  let noveltyWeight = noveltyWeightNow(state) * Math.sqrt(svm.squaredNorm)
  if (bayes && fused) {
    const features = svm.index.featureCount
    const scales = fusionScales(state)
    bayesLogOdds(bayes, fused)
    for (let at = 0; at < features; at++)
      fused[at] = (svm.weights[at] ?? 0) * scales.svm + (fused[at] ?? 0) * scales.bayes
    fused[features] = 0
    weights = fused
    nearestWeight = fusedNearestWeight(state, scales.svm)
    noveltyWeight = fusedNearestWeight(state, scales.svm, noveltyWeightNow(state))
  }
  return {
    weights,
    nearest: proximity(state),
    neighbourSets: [state.neighbours, state.excludeNeighbours],
    nearestWeight,
    novelty: noveltyNow(state),
    noveltyWeight,
    blanksFirst: blanksFirst(state),
    duals: svm.duals,
    labels: svm.labels,
    labelledCount: svm.labelled.length,
  }
}

/**
 * Retrains and returns a scorer that gives each row the fused model's score (up to one positive factor and a
 * constant) without building the fused weight vector: per decision this costs the rows scored, not the vocabulary.
 */
function retrainScorer(state: RankerState): ((row: number) => number) | null {
  const scorer = retrainLinearScorer(state)
  if (!scorer || !blanksFirst(state)) return scorer
  const index = state.svm.index
  return (row) => (isBlank(index, row) ? Infinity : scorer(row))
}

function retrainLinearScorer(state: RankerState): ((row: number) => number) | null {
  const scorer = retrainNearScorer(state)
  const novelty = scorer ? noveltyNow(state) : null
  if (!scorer || !novelty) return scorer
  const { svm, bayes } = state
  const weight = bayes
    ? fusedNearestWeight(state, fusionScales(state).svm, noveltyWeightNow(state))
    : noveltyWeightNow(state) * Math.sqrt(svm.squaredNorm)
  return (row) => scorer(row) + weight * (novelty[row] ?? 0)
}

function retrainNearScorer(state: RankerState): ((row: number) => number) | null {
  const { svm, bayes } = state
  if (!trainSvmNow(state)) return null
  const weights = svm.weights
  const nearest = proximity(state)
  if (!bayes) {
    if (!nearest) return (row) => rowScore(weights, svm.index, row)
    const scale = neighbourWeightNow(state) * Math.sqrt(svm.squaredNorm)
    return (row) => rowScore(weights, svm.index, row) + scale * (nearest[row] ?? 0)
  }
  const scales = fusionScales(state)
  const odds = bayes.odds
  const nearestWeight = nearest ? fusedNearestWeight(state, scales.svm) : 0
  const margins = { svm: 0, bayes: 0 }
  return (row) => {
    readMargins(svm.index, weights, odds, scales.shift, row, margins)
    const near = nearest ? nearestWeight * (nearest[row] ?? 0) : 0
    return scales.svm * margins.svm + scales.bayes * margins.bayes + near
  }
}

/**
 * Trains the ranking model on the decisions so far. Returns null when the labels do not hold at least one include
 * and one exclude (the caller keeps a random or text-search order until then); never throws for that. Rows outside
 * the index are ignored; a row labelled twice keeps its last label. With `warmStart` (the previous model on the same
 * index) training continues from that solution, which makes a retrain after one more decision several times faster;
 * the result is the same model up to the solver's tolerance.
 */
export function trainRanker(
  index: TextIndex,
  labels: readonly RowLabel[],
  options: RankerOptions & { warmStart?: RankModel | null } = {},
): RankModel | null {
  const state = createRankerState(index, options)
  const warm = options.warmStart
  const isWarm = warm != null && warm.duals.length === index.rowCount
  const [near, far] = isWarm ? warm.neighbourSets : [null, null]
  if (state.neighbours && near?.index === index) state.neighbours = cloneNeighbours(near)
  if (state.excludeNeighbours && far?.index === index) state.excludeNeighbours = cloneNeighbours(far)
  const final = new Int8Array(index.rowCount)
  for (const { row, label } of labels) {
    if (!Number.isInteger(row) || row < 0 || row >= index.rowCount) continue
    final[row] = label === 1 ? 1 : -1
  }
  // Members carried over from the warm start that are no longer decided that way leave first.
  for (const [set, sign] of [
    [state.neighbours, 1],
    [state.excludeNeighbours, -1],
  ] as const)
    if (set) for (const row of [...set.members]) if (final[row] !== sign) removeNeighbour(set, row)
  for (const { row, label } of labels) {
    if (!Number.isInteger(row) || row < 0 || row >= index.rowCount) continue
    setRankerLabel(state, row, null)
    const sameLabel = isWarm && warm.labels[row] === (label === 1 ? 1 : -1)
    setRankerLabel(state, row, label, sameLabel ? (warm.duals[row] ?? 0) : 0)
  }
  return trainRankerState(state)
}

/**
 * The incremental path for simulations and a long-lived worker: one model that is told each decision as it is
 * made and retrained in place. The model `train()` returns is live: it changes with the next `setLabel`/`train`.
 */
export type RankTrainer = {
  setLabel: (row: number, label: 0 | 1 | null) => void
  train: () => RankModel | null
  /** Retrains and returns a row scorer ranking exactly like `scoreRows` of the model, or null (one class). */
  retrainScorer: () => ((row: number) => number) | null
}

/** Creates a {@link RankTrainer} over the index. */
export function createRankTrainer(index: TextIndex, options: RankerOptions = {}): RankTrainer {
  const state = createRankerState(index, options)
  return {
    setLabel: (row, label) => setRankerLabel(state, row, label),
    train: () => trainRankerState(state),
    retrainScorer: () => retrainScorer(state),
  }
}

/** A score for every row of the index (labelled rows too); higher means more likely to be included. */
export function scoreRows(model: RankModel, index: TextIndex): Float64Array {
  const scores = new Float64Array(index.rowCount)
  const { nearest, nearestWeight, novelty, noveltyWeight, blanksFirst } = model
  for (let row = 0; row < index.rowCount; row++)
    scores[row] =
      blanksFirst && isBlank(index, row)
        ? Infinity
        : rowScore(model.weights, index, row) +
          (nearest ? nearestWeight * (nearest[row] ?? 0) : 0) +
          (novelty ? noveltyWeight * (novelty[row] ?? 0) : 0)
  return scores
}

/**
 * The terms that raised this record's score most: its features ranked by weight × TF-IDF value, positive
 * contributions only (at most `k`). Empty for a record without text or without any term that points to inclusion.
 */
export function explainRow(
  model: RankModel,
  index: TextIndex,
  row: number,
  k = 5,
): Array<{ term: string; weight: number }> {
  if (!Number.isInteger(row) || row < 0 || row >= index.rowCount) return []
  // A word can be two features (a lead word and the same word later on): its contributions are added up.
  const byTerm = new Map<string, number>()
  for (let at = index.rowStart[row] ?? 0; at < (index.rowStart[row + 1] ?? 0); at++) {
    const feature = index.columns[at] ?? 0
    // Character n-grams and latent features are not words a reviewer can read.
    if (index.charGram[feature] || index.latent[feature]) continue
    const weight = (model.weights[feature] ?? 0) * (index.values[at] ?? 0)
    const term = featureTerm(index, feature)
    byTerm.set(term, (byTerm.get(term) ?? 0) + weight)
  }
  return [...byTerm]
    .filter(([, weight]) => weight > 0)
    .sort(([termA, a], [termB, b]) => b - a || (termA < termB ? -1 : termA > termB ? 1 : 0))
    .slice(0, Math.max(0, k))
    .map(([term, weight]) => ({ term, weight }))
}

/**
 * A pseudo-random tie-break key per row, the same for the same seed. Ties must never fall back to file order:
 * some exports list every included record first.
 */
export function tieBreakKeys(rowCount: number, seed: number): Float64Array {
  const random = mulberry32(seed)
  const keys = new Float64Array(rowCount)
  for (let row = 0; row < rowCount; row++) keys[row] = random()
  return keys
}

/**
 * The rows not in `excludedRows` (typically the labelled ones), best first: descending score, ties (and NaN
 * scores, which go last) in a seeded random order.
 */
export function rankOrder(
  scores: ArrayLike<number>,
  excludedRows: ReadonlySet<number>,
  seed: number,
): Int32Array {
  const keys = tieBreakKeys(scores.length, seed)
  const rows: number[] = []
  for (let row = 0; row < scores.length; row++) if (!excludedRows.has(row)) rows.push(row)
  const score = (row: number): number => {
    const value = scores[row] ?? Number.NaN
    return Number.isNaN(value) ? -Infinity : value
  }
  rows.sort((a, b) => score(b) - score(a) || (keys[a] ?? 0) - (keys[b] ?? 0))
  return Int32Array.from(rows)
}
