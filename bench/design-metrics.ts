/** Area under the ROC curve by the rank-sum (Mann–Whitney) statistic; ties count one half. */
export function auroc(scores: readonly number[], labels: readonly boolean[]): number {
  const pairs = scores.map((score, index) => ({ score, isPositive: labels[index] ?? false }))
  pairs.sort((a, b) => a.score - b.score)
  let rankSum = 0
  let positives = 0
  for (let index = 0; index < pairs.length;) {
    let end = index
    while (end + 1 < pairs.length && pairs[end + 1]?.score === pairs[index]?.score) end++
    const rank = (index + end) / 2 + 1
    for (let tie = index; tie <= end; tie++) {
      if (pairs[tie]?.isPositive) {
        rankSum += rank
        positives++
      }
    }
    index = end + 1
  }
  const negatives = pairs.length - positives
  if (positives === 0 || negatives === 0) return Number.NaN
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

/**
 * The best specificity among thresholds whose sensitivity is at least `minSensitivity` (a record is positive when
 * its score ≥ threshold), with that threshold.
 */
export function specificityAtSensitivity(
  scores: readonly number[],
  labels: readonly boolean[],
  minSensitivity: number,
): { specificity: number; sensitivity: number; threshold: number } {
  const positives = scores.filter((_, index) => labels[index]).sort((a, b) => b - a)
  const negatives = scores.filter((_, index) => !labels[index])
  // The threshold is the score of the k-th best positive, where k is the fewest positives that reach the target.
  const needed = Math.ceil(minSensitivity * positives.length - 1e-9)
  const threshold = positives[Math.max(0, needed - 1)] ?? Number.NEGATIVE_INFINITY
  const sensitivity = positives.filter((score) => score >= threshold).length / Math.max(1, positives.length)
  const specificity = negatives.filter((score) => score < threshold).length / Math.max(1, negatives.length)
  return { specificity, sensitivity, threshold }
}

/** Precision and recall of predicting `target`, with the counts behind them. */
export function precisionRecall(
  predicted: readonly string[],
  actual: readonly string[],
  target: string,
): { precision: number; recall: number; truePositives: number; predicted: number; actual: number } {
  let truePositives = 0
  let predictedCount = 0
  let actualCount = 0
  predicted.forEach((design, index) => {
    const isActual = actual[index] === target
    if (design === target) predictedCount++
    if (isActual) actualCount++
    if (design === target && isActual) truePositives++
  })
  return {
    precision: predictedCount ? truePositives / predictedCount : Number.NaN,
    recall: actualCount ? truePositives / actualCount : Number.NaN,
    truePositives,
    predicted: predictedCount,
    actual: actualCount,
  }
}

/** Mean squared error of probabilities against 0/1 labels. */
export function brierScore(probabilities: readonly number[], labels: readonly boolean[]): number {
  const total = probabilities.reduce((sum, p, index) => sum + (p - (labels[index] ? 1 : 0)) ** 2, 0)
  return total / Math.max(1, probabilities.length)
}
