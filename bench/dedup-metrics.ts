/** Accuracy of automatic merging against gold duplicate groups, counted as ASySD does (BENCHMARKS.md §2). */
export type DedupAccuracy = {
  records: number
  /** Gold groups = unique papers (singletons included). */
  groups: number
  /** Records that should be removed as duplicates: records − groups. */
  removable: number
  /** Records correctly removed: in each predicted cluster, members beyond one per gold group it holds. */
  truePositives: number
  /** Unique papers lost: in each predicted cluster, gold groups beyond the first it holds. */
  falsePositives: number
  sensitivity: number
  specificity: number
  precision: number
}

/**
 * Counts a clustering against gold groups. Merging a predicted cluster keeps one record, so a cluster holding k
 * records of g gold groups removes k − g true duplicates (TP) and loses g − 1 unique papers (FP). Sensitivity =
 * TP / (records − groups); specificity = 1 − FP / groups (each group has exactly one record to keep);
 * precision = TP / (TP + FP).
 */
export function countAccuracy(
  gold: readonly string[],
  clusters: readonly (readonly number[])[],
): DedupAccuracy {
  const groups = new Set(gold).size
  const removable = gold.length - groups
  let truePositives = 0
  let falsePositives = 0
  for (const cluster of clusters) {
    const held = new Set(cluster.map((index) => gold[index]))
    truePositives += cluster.length - held.size
    falsePositives += held.size - 1
  }
  return {
    records: gold.length,
    groups,
    removable,
    truePositives,
    falsePositives,
    sensitivity: removable === 0 ? 1 : truePositives / removable,
    specificity: groups === 0 ? 1 : 1 - falsePositives / groups,
    precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
  }
}
