import type { DatasetScore, RankConfig } from './rank-sim'

/**
 * The grid searched by `bench:rank -- --cv` (2 seeds per dataset, the reference runs' priors). Every entry: words
 * and word pairs, sublinear counts, no stop-word list (pairs like "effect of" are informative). Varied: SVM cost;
 * features seen in one record only dropped; single words only; half-way class balance; naive Bayes fused with
 * weight 0.2, or 0.5 ramped in over 50 excludes in a row; 100 background excludes at cost × 0.1.
 */
const searched: RankConfig[] = [
  { name: 'A-c0.1-nb0', index: {}, ranker: { cost: 0.1 } },
  { name: 'D-c0.3-nb0', index: {}, ranker: { cost: 0.3 } },
  { name: 'M-c0.1-min2', index: { minRecords: 2 }, ranker: { cost: 0.1 } },
  {
    name: 'N-c0.1-nb0.2-sm3.8',
    index: {},
    ranker: { cost: 0.1, bayesWeight: 0.2, bayesSmoothing: 3.8 },
  },
  {
    name: 'R-c0.1-nb0.5-sm3.8-ramp50',
    index: {},
    ranker: { cost: 0.1, bayesWeight: 0.5, bayesSmoothing: 3.8, bayesRamp: 50 },
  },
  { name: 'U-c0.1-min2-uni', index: { minRecords: 2, ngrams: 1 }, ranker: { cost: 0.1 } },
  { name: 'E2-c0.1-min2-bal0.5', index: { minRecords: 2 }, ranker: { cost: 0.1, balance: 0.5 } },
  { name: 'D2-c0.3-min2', index: { minRecords: 2 }, ranker: { cost: 0.3 } },
  {
    name: 'G-c0.1-bg100-0.1',
    index: {},
    ranker: { cost: 0.1, backgroundCount: 100, backgroundWeight: 0.1 },
  },
]

export const rankGrid: RankConfig[] = searched.map((config) => ({
  ...config,
  index: { ngrams: 2, sublinearTf: true, dropStopWords: false, minRecords: 1, ...config.index },
  ranker: {
    balance: 1,
    bayesWeight: 0,
    bayesRamp: 0,
    backgroundCount: 0,
    backgroundWeight: 0,
    ...config.ranker,
  },
}))

/**
 * Datasets built from the same review (see the datasets' README) always share a fold, so a review never helps to
 * choose the settings it is then scored on.
 */
const sameReview: Record<string, string> = {
  ferdinands2023_ace: 'cohen_2006_aceinhibitors',
  nagtegaal_2019: 'ferdinands2023_nudging',
  synergy_nelson_2002: 'cohen_2006_estrogens',
  synergy_chou_2004: 'cohen_2006_skeletalmusclerelaxants',
}

/** Fold of every dataset: review groups in alphabetical order, dealt round-robin into `folds` folds. */
export function assignFolds(datasets: readonly string[], folds = 5): Map<string, number> {
  const groups = [...new Set(datasets.map((name) => sameReview[name] ?? name))].sort()
  const foldOfGroup = new Map(groups.map((group, at) => [group, at % folds]))
  return new Map(datasets.map((name) => [name, foldOfGroup.get(sameReview[name] ?? name) ?? 0]))
}

export type FoldResult = {
  fold: number
  heldOut: string[]
  chosen: string
  /** Mean WSS@95 (percent) and loss of the chosen configuration on the held-out datasets. */
  heldOutWss95: number
  heldOutLoss: number
}

const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)

/**
 * K-fold cross-validation over datasets: for each fold, the configuration with the best mean WSS@95 on the other
 * folds' datasets is chosen and scored on the fold's own datasets. `scores` maps configuration name → scores per
 * dataset. The overall estimate is the mean over all datasets of their held-out scores.
 */
export function crossValidate(
  scores: ReadonlyMap<string, readonly DatasetScore[]>,
  folds = 5,
): { folds: FoldResult[]; wss95: number; loss: number; chosenOnAll: string } {
  const names = [...(scores.values().next().value ?? [])].map((score) => score.dataset)
  const foldOf = assignFolds(names, folds)
  const best = (datasets: ReadonlySet<string>): string => {
    let chosen = ''
    let chosenMean = -Infinity
    for (const [config, perDataset] of scores) {
      const value = mean(
        perDataset.filter((score) => datasets.has(score.dataset)).map((score) => score.wss95),
      )
      if (value > chosenMean) [chosen, chosenMean] = [config, value]
    }
    return chosen
  }
  const heldOutScores: DatasetScore[] = []
  const results: FoldResult[] = []
  for (let fold = 0; fold < folds; fold++) {
    const heldOut = names.filter((name) => foldOf.get(name) === fold)
    const chosen = best(new Set(names.filter((name) => foldOf.get(name) !== fold)))
    const held = (scores.get(chosen) ?? []).filter((score) => heldOut.includes(score.dataset))
    heldOutScores.push(...held)
    results.push({
      fold,
      heldOut,
      chosen,
      heldOutWss95: mean(held.map((score) => score.wss95)),
      heldOutLoss: mean(held.map((score) => score.loss)),
    })
  }
  return {
    folds: results,
    wss95: mean(heldOutScores.map((score) => score.wss95)),
    loss: mean(heldOutScores.map((score) => score.loss)),
    chosenOnAll: best(new Set(names)),
  }
}
