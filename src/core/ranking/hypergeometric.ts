/**
 * The hypergeometric distribution in log space: X = includes among `draws` records drawn without replacement from
 * `population` records of which `successes` are includes. Factorials go through ln Γ so that populations of a
 * million records neither overflow nor lose precision.
 */

/**
 * ln Γ(x) for x > 0: Stirling's series with four correction terms, after shifting x up to at least 15 with
 * Γ(x) = Γ(x + m) / (x (x + 1) … (x + m − 1)). The truncation error at x ≥ 15 is below 1e-16 relative.
 */
export function logGamma(x: number): number {
  let shift = 0
  let product = 1
  while (x < 15) {
    product *= x
    x += 1
    shift++
  }
  const inverse = 1 / x
  const inverse2 = inverse * inverse
  const series = inverse * (1 / 12 - inverse2 * (1 / 360 - inverse2 * (1 / 1260 - inverse2 * (1 / 1680))))
  const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series
  return shift > 0 ? stirling - Math.log(product) : stirling
}

/** ln C(n, k); −Infinity outside 0 ≤ k ≤ n. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity
  if (k === 0 || k === n) return 0
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1)
}

/** P(X = k). */
export function hypergeometricPmf(k: number, population: number, successes: number, draws: number): number {
  const log =
    logChoose(successes, k) + logChoose(population - successes, draws - k) - logChoose(population, draws)
  return Number.isFinite(log) ? Math.exp(log) : 0
}

/**
 * P(X ≤ k), summed over the support max(0, draws − (population − successes)) … k. Below the mode the terms grow
 * with x, so summing upwards adds the smallest terms first and none is lost to rounding. Clamped to [0, 1].
 */
export function hypergeometricCdf(k: number, population: number, successes: number, draws: number): number {
  const low = Math.max(0, draws - (population - successes))
  const high = Math.min(k, draws, successes)
  if (high < low) return 0
  if (k >= Math.min(draws, successes)) return 1
  let sum = 0
  for (let x = low; x <= high; x++) sum += hypergeometricPmf(x, population, successes, draws)
  return Math.min(1, Math.max(0, sum))
}
