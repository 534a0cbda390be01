/**
 * Random-effects meta-analysis of single proportions (events / total per study) on the logit scale, as metafor's
 * `escalc(measure = "PLO", to = "only0", add = 1/2)` followed by `rma(method = "DL" | "REML")` computes it.
 */

/** One study's n/N: `events` patients with the outcome out of `total`. */
export type ProportionStudy = {
  events: number
  total: number
}

/** How τ² (between-study variance) is estimated. */
export type TauMethod = 'dl' | 'reml'

/** A study on the logit scale, with its own 95 % CI back-transformed to a proportion (for forest plots). */
export type LogitStudy = {
  /** log(events / non-events), after the continuity correction when one was needed. */
  yi: number
  /** Sampling variance of `yi`: 1/events + 1/non-events (corrected). */
  vi: number
  /** True when 0.5 was added to events and non-events because one of them was 0. */
  isCorrected: boolean
  /** Observed proportion events / total (uncorrected), 0–1. */
  proportion: number
  ciLow: number
  ciHigh: number
}

/** The pooled estimate. Proportions are 0–1; `i2` is a percent (0–100). */
export type PooledProportion = {
  method: TauMethod
  /** Studies pooled. */
  k: number
  proportion: number
  ciLow: number
  ciHigh: number
  /** Pooled logit and its standard error, for anyone who wants other intervals. */
  logit: number
  se: number
  tau2: number
  /** Percent of total variability due to heterogeneity: 100 τ² / (τ² + s²), s² the typical within-study variance. */
  i2: number
  /** Cochran's Q (fixed-effect weights) and its degrees of freedom k − 1. */
  q: number
  df: number
  /** Studies that needed the continuity correction. */
  corrected: number
  /** REML iterations used (0 for DL). */
  iterations: number
}

export type PoolResult =
  | { pooled: PooledProportion; reason: null }
  | { pooled: null; reason: 'fewer-than-two-studies' | 'not-converged' }

/** 97.5th percentile of the standard normal, as R's `qnorm(0.975)`. */
const z975 = 1.959963984540054
/** REML stops when τ² changes by less than this between iterations… */
const remlTolerance = 1e-10
/** …or after this many iterations (Fisher scoring usually needs fewer than 20). */
const remlMaxIterations = 1000

const expit = (x: number): number => 1 / (1 + Math.exp(-x))

/** True for counts a proportion can be computed from: finite, total > 0 and 0 ≤ events ≤ total. */
export function isValidStudy(study: ProportionStudy): boolean {
  const { events, total } = study
  return Number.isFinite(events) && Number.isFinite(total) && total > 0 && events >= 0 && events <= total
}

/**
 * A study's logit and variance. Continuity correction: when events are 0 or equal to the total, the logit and its
 * variance are infinite, so 0.5 is added to both events and non-events of that study only (metafor's default
 * `to = "only0"`, `add = 1/2`; Sweeting et al. 2004 discuss alternatives). Studies with 0 < events < total are used
 * as they are. The study CI is the Wald interval on the logit scale, back-transformed.
 */
export function logitStudy(study: ProportionStudy): LogitStudy {
  const isCorrected = study.events === 0 || study.events === study.total
  const add = isCorrected ? 0.5 : 0
  const events = study.events + add
  const nonEvents = study.total - study.events + add
  const yi = Math.log(events / nonEvents)
  const vi = 1 / events + 1 / nonEvents
  const half = z975 * Math.sqrt(vi)
  return {
    yi,
    vi,
    isCorrected,
    proportion: study.events / study.total,
    ciLow: expit(yi - half),
    ciHigh: expit(yi + half),
  }
}

type Sums = { sw: number; sw2: number; sw3: number; swy: number }

function sums(ys: readonly number[], vs: readonly number[], tau2: number): Sums {
  const result: Sums = { sw: 0, sw2: 0, sw3: 0, swy: 0 }
  ys.forEach((y, index) => {
    const w = 1 / ((vs[index] ?? 0) + tau2)
    result.sw += w
    result.sw2 += w * w
    result.sw3 += w * w * w
    result.swy += w * y
  })
  return result
}

/** Cochran's Q with inverse-variance weights around the fixed-effect mean. */
function cochranQ(ys: readonly number[], vs: readonly number[]): number {
  const { sw, swy } = sums(ys, vs, 0)
  const mean = swy / sw
  return ys.reduce((q, y, index) => q + ((y - mean) * (y - mean)) / (vs[index] ?? 1), 0)
}

/** DerSimonian–Laird (1986) moment estimator, truncated at 0: (Q − (k − 1)) / (Σw − Σw² / Σw). */
export function tau2DerSimonianLaird(ys: readonly number[], vs: readonly number[]): number {
  const { sw, sw2 } = sums(ys, vs, 0)
  const q = cochranQ(ys, vs)
  return Math.max(0, (q - (ys.length - 1)) / (sw - sw2 / sw))
}

/**
 * REML τ² by Fisher scoring (Viechtbauer 2005, as metafor's `rma`): for an intercept-only model with
 * P = W − w wᵀ / Σw the update is τ² += (yᵀPPy − tr P) / tr(PP), truncated at 0. Starts from the DL estimate,
 * stops when the change is below 1e-10. Returns null when it does not converge within the iteration cap.
 */
export function tau2Reml(
  ys: readonly number[],
  vs: readonly number[],
): { tau2: number; iterations: number } | null {
  let tau2 = tau2DerSimonianLaird(ys, vs)
  for (let iteration = 1; iteration <= remlMaxIterations; iteration++) {
    const { sw, sw2, sw3, swy } = sums(ys, vs, tau2)
    const mean = swy / sw
    // yᵀPPy = Σ wᵢ² (yᵢ − μ̂)², since P y = w ∘ (y − μ̂).
    let yPPy = 0
    ys.forEach((y, index) => {
      const w = 1 / ((vs[index] ?? 0) + tau2)
      yPPy += w * w * (y - mean) * (y - mean)
    })
    const traceP = sw - sw2 / sw
    const tracePP = sw2 - (2 * sw3) / sw + (sw2 / sw) * (sw2 / sw)
    const next = Math.max(0, tau2 + (yPPy - traceP) / tracePP)
    const change = Math.abs(next - tau2)
    tau2 = next
    if (change < remlTolerance) return { tau2, iterations: iteration }
  }
  return null
}

/**
 * Random-effects pooled proportion with a 95 % CI (Wald on the logit scale, back-transformed, so it stays in 0–1).
 * Invalid studies (total ≤ 0, events outside 0…total, non-finite) are left out; fewer than two remaining studies
 * give no pooled estimate (`reason: 'fewer-than-two-studies'`): a single study is its own estimate, not a
 * synthesis. I² follows Higgins & Thompson (2002) through τ² (metafor's definition), so for DL it equals
 * max(0, (Q − df) / Q) and for REML it uses the REML τ².
 */
export function poolProportions(studies: readonly ProportionStudy[], method: TauMethod = 'dl'): PoolResult {
  const logits = studies.filter(isValidStudy).map(logitStudy)
  if (logits.length < 2) return { pooled: null, reason: 'fewer-than-two-studies' }
  const ys = logits.map((study) => study.yi)
  const vs = logits.map((study) => study.vi)
  let tau2: number
  let iterations = 0
  if (method === 'reml') {
    const reml = tau2Reml(ys, vs)
    if (reml === null) return { pooled: null, reason: 'not-converged' }
    ;({ tau2, iterations } = reml)
  } else {
    tau2 = tau2DerSimonianLaird(ys, vs)
  }
  const { sw, swy } = sums(ys, vs, tau2)
  const logit = swy / sw
  const se = Math.sqrt(1 / sw)
  const fixed = sums(ys, vs, 0)
  const k = logits.length
  // Typical within-study variance s² (Higgins & Thompson 2002, eq. 9), the denominator metafor uses for I².
  const typicalVariance = ((k - 1) * fixed.sw) / (fixed.sw * fixed.sw - fixed.sw2)
  return {
    pooled: {
      method,
      k,
      proportion: expit(logit),
      ciLow: expit(logit - z975 * se),
      ciHigh: expit(logit + z975 * se),
      logit,
      se,
      tau2,
      i2: tau2 === 0 ? 0 : (100 * tau2) / (tau2 + typicalVariance),
      q: cochranQ(ys, vs),
      df: k - 1,
      corrected: logits.filter((study) => study.isCorrected).length,
      iterations,
    },
    reason: null,
  }
}
