import { hypergeometricCdf } from './hypergeometric'

/** A point of the recall curve: after `screened` records, `relevantFound` includes. */
export type RecallPoint = { screened: number; relevantFound: number }

/**
 * The recall curve of decisions in the order they were made (1/true = include): the origin, one point per include,
 * and the last record screened — enough to draw the step curve exactly.
 */
export function recallCurve(decisions: ArrayLike<number | boolean>): RecallPoint[] {
  const points: RecallPoint[] = [{ screened: 0, relevantFound: 0 }]
  let found = 0
  for (let index = 0; index < decisions.length; index++) {
    if (!decisions[index]) continue
    found++
    points.push({ screened: index + 1, relevantFound: found })
  }
  if (decisions.length > (points.at(-1)?.screened ?? 0))
    points.push({ screened: decisions.length, relevantFound: found })
  return points
}

/** Records excluded in a row since the last include (all of them when there is none). */
export function consecutiveIrrelevant(decisions: ArrayLike<number | boolean>): number {
  let count = 0
  for (let index = decisions.length - 1; index >= 0 && !decisions[index]; index--) count++
  return count
}

/**
 * Where screening stands for the stopping test of Callaghan & Müller-Hansen (2020): records were first screened in
 * ranked order, then a simple random sample was drawn (without replacement) from the records left at that point
 * (the urn) and screened too.
 */
export type StoppingSample = {
  /** N: all records of the project. */
  totalRecords: number
  /** Records screened in ranked order before random sampling began. */
  rankedScreened: number
  /** Includes among them (ρ_AL). */
  rankedRelevant: number
  /** n: records screened from the random sample so far. */
  sampled: number
  /** k: includes among the sampled records. */
  sampledRelevant: number
}

export type StoppingOptions = {
  /** The recall the team wants to be sure of (τ). Default 0.95. */
  targetRecall?: number
  /** 1 − α. Default 0.95. */
  confidence?: number
}

export type StoppingTest = {
  /** P(X ≤ k) under the least favourable null; stop when it is below α. 1 before any sample. */
  pValue: number
  shouldStop: boolean
  /** K_tar: the fewest includes the urn must have held for recall to be below the target. */
  relevantUnderNull: number
  /** U = N − records screened in ranked order. */
  urnSize: number
}

function check(sample: StoppingSample): void {
  const { totalRecords, rankedScreened, rankedRelevant, sampled, sampledRelevant } = sample
  const counts = [totalRecords, rankedScreened, rankedRelevant, sampled, sampledRelevant]
  if (counts.some((count) => !Number.isInteger(count) || count < 0))
    throw new RangeError('Stopping test: every count must be a whole number ≥ 0.')
  if (rankedRelevant > rankedScreened || sampledRelevant > sampled || rankedScreened + sampled > totalRecords)
    throw new RangeError('Stopping test: the counts are inconsistent.')
}

/**
 * The hypergeometric stopping test (Callaghan & Müller-Hansen 2020, Syst Rev 9:273). H0: recall < τ. With
 * ρ_seen = ρ_AL + k includes seen in total, recall < τ means the urn held K > ρ_seen/τ − ρ_AL includes, i.e. at
 * least K_tar = ⌊ρ_seen/τ − ρ_AL⌋ + 1. The sample count X is hypergeometric (urn U, K includes, n draws), and
 * P(X ≤ k) is largest at the smallest K allowed, so p = P(X ≤ k | U, K_tar, n). Stop when p < α = 1 − confidence:
 * then recall ≥ τ with that confidence. Throws a RangeError for negative or inconsistent counts.
 */
export function hypergeometricStoppingTest(
  sample: StoppingSample,
  options: StoppingOptions = {},
): StoppingTest {
  check(sample)
  const target = options.targetRecall ?? 0.95
  const alpha = 1 - (options.confidence ?? 0.95)
  const urnSize = sample.totalRecords - sample.rankedScreened
  const seen = sample.rankedRelevant + sample.sampledRelevant
  // The slack keeps 19 / 0.95 − 0 from rounding to 19.999… and asking one include too few.
  const relevantUnderNull = Math.floor(seen / target - sample.rankedRelevant + 1e-9) + 1
  let pValue: number
  if (sample.sampled === 0) pValue = 1
  else if (relevantUnderNull > urnSize) pValue = 0
  else pValue = hypergeometricCdf(sample.sampledRelevant, urnSize, relevantUnderNull, sample.sampled)
  return { pValue, shouldStop: pValue < alpha, relevantUnderNull, urnSize }
}

/**
 * How many more randomly sampled records must be screened, all of them excludes, before the test says stop (0 when
 * it already does). More excludes in the sample only lower p, so a binary search over the rest of the urn finds
 * the smallest number; screening the whole urn always suffices.
 */
export function additionalSampleToStop(sample: StoppingSample, options: StoppingOptions = {}): number {
  check(sample)
  const stopsAfter = (extra: number): boolean =>
    hypergeometricStoppingTest({ ...sample, sampled: sample.sampled + extra }, options).shouldStop
  let low = 0
  let high = sample.totalRecords - sample.rankedScreened - sample.sampled
  if (stopsAfter(0)) return 0
  if (!stopsAfter(high)) return high
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2)
    if (stopsAfter(middle)) high = middle
    else low = middle
  }
  return high
}

export type RemainingEstimate = {
  /** Expected includes still among the unscreened records: U·k/n − k (NaN before any sample). */
  estimate: number
  /** The most there can be at the stated confidence (exact hypergeometric bound, below). */
  upperBound: number
  /** Recall so far if the estimate is right, and at the upper bound. */
  recallEstimate: number
  recallLowerBound: number
  method: string
}

/**
 * Estimates the includes not yet found from the random sample. The urn held K includes, k of which are in the
 * sample. Point estimate K̂ = U·k/n. Upper bound: the largest K with P(X ≤ k | U, K, n) ≥ α — an exact one-sided
 * (Clopper–Pearson style) hypergeometric bound; larger K would make so few sampled includes improbable. Both are
 * reported minus the k already found. Without a sample nothing is known: the bound is every unscreened record.
 */
export function estimateRemainingRelevant(
  sample: StoppingSample,
  options: Pick<StoppingOptions, 'confidence'> = {},
): RemainingEstimate {
  check(sample)
  const confidence = options.confidence ?? 0.95
  const alpha = 1 - confidence
  const { sampled: n, sampledRelevant: k, rankedRelevant } = sample
  const urnSize = sample.totalRecords - sample.rankedScreened
  let low = k
  let high = urnSize - (n - k)
  if (n > 0) {
    // CDF falls as K grows: keep `low` plausible and narrow down to the last plausible K.
    while (high > low) {
      const middle = Math.ceil((low + high) / 2)
      if (hypergeometricCdf(k, urnSize, middle, n) >= alpha) low = middle
      else high = middle - 1
    }
  }
  const upperBound = high - k
  const estimate = n > 0 ? (urnSize * k) / n - k : Number.NaN
  const found = rankedRelevant + k
  const recallOf = (missing: number): number => (found + missing > 0 ? found / (found + missing) : 1)
  return {
    estimate,
    upperBound,
    recallEstimate: n > 0 ? recallOf(estimate) : Number.NaN,
    recallLowerBound: recallOf(upperBound),
    method: `random sample of ${n} of ${urnSize} unscreened records; exact hypergeometric ${Math.round(
      confidence * 100,
    )}% upper bound`,
  }
}
