import { mulberry32 } from '../screening/queue'
import { defaultRankerOptions } from './defaults'
import type { TextIndex } from './text-index'

/** Settings of the linear model. Defaults: `defaultRankerOptions` (chosen by cross-validation across datasets). */
export type SvmOptions = {
  /** Inverse regularisation strength C: larger fits the labels more closely. */
  cost?: number
  /**
   * How far to balance the classes: class weight (n / (2 · n_class))^balance. 0 = unweighted, 1 = fully balanced
   * (scikit-learn's "balanced"). Includes are rare, so balancing keeps them from being drowned out.
   */
  balance?: number
  /**
   * Extra weight of includes over the balanced weights, as ASReview's `Balanced(ratio)`: includes get cost
   * C · w₁ · 2r/(1 + r), excludes C · w₀ · 2/(1 + r) (w = the balanced weights above). 1 = balanced as is.
   */
  includeRatio?: number
  /** Upper bound on passes over the labelled records per retrain. */
  maxEpochs?: number
  /** Stop when the spread of projected gradients falls below this (LIBLINEAR's criterion). */
  tolerance?: number
  /** Seeds the order of coordinate updates, so training is deterministic. Default 1. */
  seed?: number
  /**
   * Background excludes: this many unlabelled records, drawn at random (seeded) when the model is created, are
   * trained on as excludes with their cost scaled by `backgroundWeight`, until they are really labelled (the
   * "presumed non-relevant" sample of continuous active learning, Cormack & Grossman). Their labels are never read.
   */
  backgroundCount?: number
  backgroundWeight?: number
  /**
   * 1 = logistic regression (log loss) instead of the squared hinge, by the dual coordinate descent of Yu, Huang and
   * Lin (2011, LIBLINEAR's dual logistic solver), with the same costs per class: every labelled record keeps some
   * weight, where the hinge ignores those well outside the margin. 0 = squared hinge.
   */
  logistic?: number
}

/**
 * A linear support vector machine with squared hinge loss and L2 penalty, trained by dual coordinate descent (Hsieh
 * et al. 2008, the LIBLINEAR method). The dual form suits screening: each label is one coordinate, a new label
 * starts at 0, and the previous solution is an excellent starting point, so a retrain after one more decision
 * usually takes one or two passes. The weight vector is kept equal to Σ αᵢ yᵢ xᵢ at all times.
 */
export type SvmState = {
  index: TextIndex
  /** One weight per feature, then the bias (feature fixed at 1) in the last slot. */
  weights: Float64Array
  /** Dual variable per row (0 for unlabelled rows). */
  duals: Float64Array
  /** +1 include, −1 exclude (labelled or background), 0 unlabelled. */
  labels: Int8Array
  labelled: number[]
  /** Unlabelled rows trained on as background excludes (see {@link SvmOptions.backgroundCount}). */
  background: number[]
  isBackground: Uint8Array
  /** Unlabelled rows trained on as weak includes (see {@link setPseudoIncludes}), with their cost scale. */
  pseudo: number[]
  isPseudo: Uint8Array
  pseudoWeight: number
  /** ‖w‖² over the features (bias excluded), kept up to date by every weight change. */
  squaredNorm: number
  options: Required<SvmOptions>
  random: () => number
}

/** Creates an untrained model over the index. */
export function createSvmState(index: TextIndex, options: SvmOptions = {}): SvmState {
  const filled: Required<SvmOptions> = {
    cost: options.cost ?? defaultRankerOptions.cost,
    balance: options.balance ?? defaultRankerOptions.balance,
    includeRatio: options.includeRatio ?? defaultRankerOptions.includeRatio,
    maxEpochs: options.maxEpochs ?? defaultRankerOptions.maxEpochs,
    tolerance: options.tolerance ?? defaultRankerOptions.tolerance,
    seed: options.seed ?? 1,
    backgroundCount: options.backgroundCount ?? defaultRankerOptions.backgroundCount,
    backgroundWeight: options.backgroundWeight ?? defaultRankerOptions.backgroundWeight,
    logistic: options.logistic ?? defaultRankerOptions.logistic,
  }
  return {
    index,
    weights: new Float64Array(index.featureCount + 1),
    duals: new Float64Array(index.rowCount),
    labels: new Int8Array(index.rowCount),
    labelled: [],
    background: [],
    isBackground: new Uint8Array(index.rowCount),
    pseudo: [],
    isPseudo: new Uint8Array(index.rowCount),
    pseudoWeight: 0,
    squaredNorm: 0,
    options: filled,
    random: mulberry32(filled.seed),
  }
}

/** Draws the background excludes: distinct random rows, the same for the same seed and index size. */
export function drawBackground(state: SvmState): void {
  const { backgroundCount, backgroundWeight, seed } = state.options
  const wanted = Math.min(backgroundCount, state.index.rowCount)
  if (wanted <= 0 || backgroundWeight <= 0) return
  const random = mulberry32(seed ^ 0x68e31da4)
  while (state.background.length < wanted) {
    const row = Math.floor(random() * state.index.rowCount)
    if (state.isBackground[row] || state.labels[row] !== 0) continue
    state.isBackground[row] = 1
    state.labels[row] = -1
    state.background.push(row)
  }
}

/** A background row that gets a real label stops being background: its share of the weights is removed. */
function leaveBackground(state: SvmState, row: number): void {
  const dual = state.duals[row] ?? 0
  if (dual !== 0) addRow(state, row, dual)
  state.duals[row] = 0
  state.labels[row] = 0
  state.isBackground[row] = 0
  state.background.splice(state.background.indexOf(row), 1)
}

/**
 * Trains on these unlabelled rows as includes with their cost scaled by `weight` (pseudo-relevance feedback), in
 * place of the previous ones, whose share of the weights is removed. Labelled and background rows are skipped. A
 * pseudo include that gets a real label stops being one ({@link setSvmLabel}).
 */
export function setPseudoIncludes(state: SvmState, rows: readonly number[], weight: number): void {
  while (state.pseudo.length > 0) leavePseudo(state, state.pseudo[state.pseudo.length - 1] ?? 0)
  state.pseudoWeight = weight
  if (weight <= 0) return
  for (const row of rows) {
    if (state.labels[row] !== 0 || state.isPseudo[row]) continue
    state.isPseudo[row] = 1
    state.labels[row] = 1
    state.pseudo.push(row)
  }
}

function leavePseudo(state: SvmState, row: number): void {
  const dual = state.duals[row] ?? 0
  if (dual !== 0) addRow(state, row, -dual)
  state.duals[row] = 0
  state.labels[row] = 0
  state.isPseudo[row] = 0
  state.pseudo.splice(state.pseudo.indexOf(row), 1)
}

/** Adds `step · xᵣ` (bias feature included) to the weights. */
function addRow(state: SvmState, row: number, step: number): void {
  const { rowStart, columns, values } = state.index
  const weights = state.weights
  let squaredNorm = state.squaredNorm
  for (let at = rowStart[row] ?? 0, end = rowStart[row + 1] ?? 0; at < end; at++) {
    const column = columns[at] ?? 0
    const before = weights[column] ?? 0
    const after = before + step * (values[at] ?? 0)
    weights[column] = after
    squaredNorm += after * after - before * before
  }
  state.squaredNorm = Math.max(0, squaredNorm)
  const bias = weights.length - 1
  weights[bias] = (weights[bias] ?? 0) + step
}

/** w · xᵣ including the bias. */
export function rowScore(weights: Float64Array, index: TextIndex, row: number): number {
  const { rowStart, columns, values } = index
  let sum = weights[weights.length - 1] ?? 0
  for (let at = rowStart[row] ?? 0, end = rowStart[row + 1] ?? 0; at < end; at++)
    sum += (weights[columns[at] ?? 0] ?? 0) * (values[at] ?? 0)
  return sum
}

/**
 * Sets (1 / 0) or clears (null) a row's label. A changed or cleared label first removes the row's share of the
 * weights, so the invariant w = Σ αᵢ yᵢ xᵢ holds and the next training continues from a valid point.
 */
export function setSvmLabel(state: SvmState, row: number, label: 0 | 1 | null, startDual = 0): void {
  if (state.isBackground[row]) leaveBackground(state, row)
  if (state.isPseudo[row]) leavePseudo(state, row)
  const previous = state.labels[row] ?? 0
  const next = label === null ? 0 : label === 1 ? 1 : -1
  if (previous === next) return
  const dual = state.duals[row] ?? 0
  if (previous !== 0 && dual !== 0) addRow(state, row, -dual * previous)
  state.duals[row] = 0
  if (previous === 0) state.labelled.push(row)
  else if (next === 0) state.labelled.splice(state.labelled.indexOf(row), 1)
  state.labels[row] = next
  if (next !== 0 && startDual > 0) {
    state.duals[row] = startDual
    addRow(state, row, startDual * next)
  }
}

/** Fisher–Yates shuffle of the first `size` entries, in place, with the model's own seeded generator. */
function shuffle(order: number[], size: number, random: () => number): void {
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = order[i] ?? 0
    order[i] = order[j] ?? 0
    order[j] = swap
  }
}

/** The dual's diagonal term 1 / (2 C) per kind of row. */
type Diagonals = { positive: number; negative: number; background: number; pseudo: number }

/** Per-class cost C · (n / (2 n_class))^balance and the dual's diagonal term 1 / (2 C) per class. */
function diagonals(state: SvmState): Diagonals | null {
  let positives = 0
  for (const row of state.labelled) if (state.labels[row] === 1) positives++
  const total = state.labelled.length
  const negatives = total - positives
  if (positives === 0 || negatives === 0) return null
  const { cost, balance, includeRatio } = state.options
  const costOf = (count: number): number => cost * Math.pow(total / (2 * count), balance)
  const positiveCost = (costOf(positives) * 2 * includeRatio) / (1 + includeRatio)
  const negativeCost = (costOf(negatives) * 2) / (1 + includeRatio)
  const background = 0.5 / (negativeCost * (state.options.backgroundWeight || 1))
  const pseudo = 0.5 / (positiveCost * (state.pseudoWeight || 1))
  return { positive: 0.5 / positiveCost, negative: 0.5 / negativeCost, background, pseudo }
}

/** A row's diagonal term: an include's, a pseudo include's, a background exclude's or an exclude's. */
function diagonalOf(state: SvmState, diagonal: Diagonals, row: number): number {
  if ((state.labels[row] ?? 0) === 1) return state.isPseudo[row] ? diagonal.pseudo : diagonal.positive
  return state.isBackground[row] ? diagonal.background : diagonal.negative
}

/**
 * Runs dual coordinate descent until converged or `maxEpochs` passes. Returns false (and changes nothing) when the
 * labels do not hold both classes, since no ranking can be learnt from one class. Shrinking as in LIBLINEAR: a
 * record at α = 0 whose gradient says it is well outside the margin is skipped for the rest of this training, and
 * a final pass over all records confirms convergence — most excludes sit far from the margin.
 */
export function trainSvm(state: SvmState): boolean {
  const diagonal = diagonals(state)
  if (!diagonal) return false
  if (state.options.logistic > 0) {
    trainLogistic(state, diagonal)
    return true
  }
  const { labels, duals, index, options } = state
  const active = [...state.labelled, ...state.background, ...state.pseudo]
  let activeSize = active.length
  let previousMax = Infinity
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    shuffle(active, activeSize, state.random)
    let largest = -Infinity
    let smallest = Infinity
    for (let at = 0; at < activeSize; at++) {
      const row = active[at] ?? 0
      const label = labels[row] ?? 0
      const diag = diagonalOf(state, diagonal, row)
      const dual = duals[row] ?? 0
      const gradient = label * rowScore(state.weights, index, row) - 1 + diag * dual
      if (dual === 0 && gradient > previousMax) {
        activeSize--
        active[at] = active[activeSize] ?? 0
        active[activeSize] = row
        at--
        continue
      }
      const projected = dual === 0 ? Math.min(gradient, 0) : gradient
      largest = Math.max(largest, projected)
      smallest = Math.min(smallest, projected)
      if (Math.abs(projected) < 1e-12) continue
      const next = Math.max(dual - gradient / (rowSquaredNorm(index, row) + 1 + diag), 0)
      duals[row] = next
      addRow(state, row, (next - dual) * label)
    }
    if (largest - smallest <= options.tolerance) {
      if (activeSize === active.length) break
      activeSize = active.length
      previousMax = Infinity
      continue
    }
    previousMax = largest <= 0 ? Infinity : largest
  }
  return true
}

function rowSquaredNorm(index: TextIndex, row: number): number {
  // Rows are L2-normalised: 1, or 0 for a record without text.
  return (index.rowStart[row + 1] ?? 0) > (index.rowStart[row] ?? 0) ? 1 : 0
}

/**
 * Dual coordinate descent for L2-regularised logistic regression (Yu, Huang and Lin 2011; LIBLINEAR's
 * `solve_l2r_lr_dual`): each row's dual lies strictly inside (0, Cᵢ), with Cᵢ the cost of its class (the same per
 * class costs as the hinge: 1 / (2 · diagonal)). A dual outside that range (a new label, or a class cost that
 * changed with the counts) is first moved inside it. Each coordinate is solved by a few Newton steps.
 */
function trainLogistic(state: SvmState, diagonal: Diagonals): void {
  const { labels, duals, index, options } = state
  const active = [...state.labelled, ...state.background, ...state.pseudo]
  const costOf = (row: number): number => 0.5 / diagonalOf(state, diagonal, row)
  for (const row of active) {
    const cost = costOf(row)
    const dual = duals[row] ?? 0
    const inside = Math.min(Math.max(dual, Math.min(1e-3 * cost, 1e-8)), cost * (1 - 1e-8))
    if (inside !== dual) {
      duals[row] = inside
      addRow(state, row, (inside - dual) * (labels[row] ?? 0))
    }
  }
  let innerTolerance = 1e-2
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    shuffle(active, active.length, state.random)
    let largest = 0
    let newtonSteps = 0
    for (const row of active) {
      const label = labels[row] ?? 0
      const cost = costOf(row)
      const a = rowSquaredNorm(index, row) + 1
      const b = label * rowScore(state.weights, index, row)
      // Solve for whichever of α and C − α makes the subproblem better conditioned (as LIBLINEAR does).
      const old = duals[row] ?? 0
      let sign = 1
      let start = old
      if (0.5 * a * (cost - 2 * old) + b < 0) {
        sign = -1
        start = cost - old
      }
      let z = cost - start < 0.5 * cost ? 0.1 * start : start
      let gradient = a * (z - start) + sign * b + Math.log(z / (cost - z))
      largest = Math.max(largest, Math.abs(gradient))
      let steps = 0
      while (steps <= 100 && Math.abs(gradient) >= innerTolerance) {
        const curvature = a + cost / (cost - z) / z
        const next = z - gradient / curvature
        z = next <= 0 ? z * 0.1 : next
        gradient = a * (z - start) + sign * b + Math.log(z / (cost - z))
        steps++
      }
      newtonSteps += steps
      if (steps === 0) continue
      const dual = sign === 1 ? z : cost - z
      duals[row] = dual
      addRow(state, row, (dual - old) * label)
    }
    if (largest < options.tolerance) break
    if (newtonSteps <= active.length / 10) innerTolerance = Math.max(1e-8, 0.1 * innerTolerance)
  }
}
