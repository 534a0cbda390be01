/**
 * Simulation metrics of screening prioritisation, as defined in the project's benchmark notes and the ASReview
 * reference runs. Everything is measured after the prior records: `screened` lists the labels (1 include, 0
 * exclude) of the records shown after the priors, in order; `total` is N' = N − priors; `relevant` is k', the
 * includes that are not priors. Records never reached are taken to come after the listed ones.
 */
export type SimulationMetrics = {
  /** 0.95 − n95 / N' (Cohen 2006), n95 = records screened until ⌈0.95 k'⌉ includes were found. */
  wss95: number
  /** The ASReview 0.x form: recall actually reached at n95 − n95 / N'. */
  wss95Asr0: number
  /** 1 − n100 / N', n100 = records screened until the last include. */
  wss100: number
  /** Share of the includes found after screening ⌊0.1 N'⌋ records (RRF@10). */
  rrf10: number
  /** Average time to discovery: mean 1-based position of the includes, as a share of N'. */
  atd: number
  /** The same in records. */
  atdRecords: number
  /** ASReview-insights' normalised loss: area between the best recall curve and the actual one (0 = perfect). */
  loss: number
  /** n100. */
  recordsToLastInclude: number
}

/** 1-based positions of the includes within `screened`. */
function includePositions(screened: ArrayLike<number>): number[] {
  const positions: number[] = []
  for (let index = 0; index < screened.length; index++) if (screened[index] === 1) positions.push(index + 1)
  return positions
}

/**
 * Records screened until `count` includes were found; N' (all of them) when they never were within `screened`.
 */
function recordsUntil(positions: readonly number[], count: number, total: number): number {
  if (count <= 0) return 0
  return positions[count - 1] ?? total
}

/**
 * ASReview-insights' loss: with c(i) the includes found after i records (i = 1..N', trapezoid rule), actual area
 * A = Σ c(i) − (c(1) + c(N')) / 2, best area B = N'k' − 1/2 − k'²/2, worst area W = k'²/2, loss = (B − A)/(B − W).
 */
export function normalisedLoss(positions: readonly number[], total: number, relevant: number): number {
  const best = total * relevant - 0.5 - (relevant * relevant) / 2
  const worst = (relevant * relevant) / 2
  if (best === worst) return 0
  let sum = 0
  for (let j = 0; j < relevant; j++) sum += total - (positions[j] ?? total) + 1
  const first = positions[0] === 1 ? 1 : 0
  // Every include is found by record N' (those never reached count as found at the very end).
  const actual = sum - (first + relevant) / 2
  return (best - actual) / (best - worst)
}

/** All metrics of one simulated screening run. NaN when there are no includes beyond the priors. */
export function simulationMetrics(
  screened: ArrayLike<number>,
  total: number,
  relevant: number,
): SimulationMetrics {
  if (relevant <= 0 || total <= 0) {
    const nan = Number.NaN
    return {
      wss95: nan,
      wss95Asr0: nan,
      wss100: nan,
      rrf10: nan,
      atd: nan,
      atdRecords: nan,
      loss: nan,
      recordsToLastInclude: nan,
    }
  }
  const positions = includePositions(screened)
  // The small slack keeps 0.95 · 60 = 57.000000000000007 from asking for 58 includes.
  const target95 = Math.ceil(0.95 * relevant - 1e-9)
  const n95 = recordsUntil(positions, target95, total)
  const n100 = recordsUntil(positions, relevant, total)
  const tenth = Math.floor(0.1 * total + 1e-9)
  const foundByTenth = positions.filter((position) => position <= tenth).length
  let positionSum = 0
  for (let j = 0; j < relevant; j++) positionSum += positions[j] ?? total
  const atdRecords = positionSum / relevant
  return {
    wss95: 0.95 - n95 / total,
    wss95Asr0: target95 / relevant - n95 / total,
    wss100: 1 - n100 / total,
    rrf10: foundByTenth / relevant,
    atd: atdRecords / total,
    atdRecords,
    loss: normalisedLoss(positions, total, relevant),
    recordsToLastInclude: n100,
  }
}
