import type { DatasetScore, RankConfig } from './rank-sim'
import { parseSpec } from './rank-spec'

/**
 * Every configuration tried for the ranking model, as specs over `specBase` (see `parseSpec`): the nine of the first
 * round, then those of the later rounds. `bench:rank -- --cv` scores them all (2 seeds per dataset, the
 * reference runs' priors) and cross-validates the choice among them over datasets; the one chosen on all datasets is
 * shipped. Every configuration looked at is listed, so the held-out figure pays for the whole search.
 */
export const searchedSpecs: readonly string[] = [
  // First round: cost, rare features, single words, half balance, naive Bayes fused, background excludes.
  'min1',
  'min1_c0.3',
  'base',
  'min1_nb0.2_sm3.8',
  'min1_nb0.5_sm3.8_ramp50',
  'uni',
  'b0.5',
  'c0.3',
  'min1_bg100_bgw0.1',
  // Second round. Include weighting (ASReview's Balanced ratio), solver tolerance, naive Bayes with ASReview's double
  // balance (alone on nb_v1's features, and fused), word-pair weight, idf power.
  'r3',
  'r9.8',
  'r30',
  'tol0.01',
  'sw0_nb1_sm3.822_dbl1_uni_stop_rawtf_min1',
  'nb1_sm3.822_dbl1',
  'nb0.3_sm3.822_dbl1',
  'pw0.5',
  'idf2',
  // Nearest include, text-less records first once the model stalls, lead-word (title) features.
  'nn0.3',
  'nn1',
  'blank1',
  'blank0.5',
  'blank2',
  'nn0.3_blank1',
  'nn1_blank1',
  'nn0.15_blank1',
  'nn0.5_blank1',
  'lead15_blank1',
  'lead15_nn0.3_blank1',
  'lead15_lw2_blank1',
  'lead25_blank1',
  'lead10_blank1',
  'r3_nn0.3_blank1',
  'lead15_lw2_r3_nn0.3_blank1',
  'r9.8_nn0.3_blank1',
  'r3_nn0.3_blank1_c0.3',
  'r3_nn0.3_blank1_c0.05',
  'r3_nn0.3_blank1_tol0.01',
  'r3_nn0.3_blank1_nb0.3_sm3.822_dbl1',
  // Plurals folded; includes weighted up while stalled; nearest exclude subtracted.
  'stem_blank1',
  'stem_r3_nn0.3_blank1',
  'stem_nn0.3_blank1',
  'stem_r9.8_nn0.3_blank1',
  'stem_r3_nn0.5_blank1',
  'stem_r3_nn0.3_blank1_sr5',
  'stem_r3_nn0.3_blank1_nx1',
  'stem_r3_nn0.5_blank1_nx0.5',
  'stem_r3_nn0.5_blank1_nx1',
  'lead25_stem_r3_nn0.3_blank1',
  'stem_r3_nn0.3_blank1_min3',
  'stem_r3_nn0.3_blank1_min1',
  // Third round. Character n-grams of words (length cg, weight cw), with and without plurals folded; the nearest
  // include weighted up while includes are few (ne).
  'stem_r3_nn0.3_blank1_cg4_cw0.5',
  'stem_r3_nn0.3_blank1_cg5_cw0.5',
  'stem_r3_nn0.3_blank1_ne0.5',
  'stem_r3_nn0.3_blank1_ne1.5',
  'r3_nn0.3_blank1_cg4_cw0.5',
  'stem_r3_nn0.3_blank1_cg4_cw0.3',
  'stem_r3_nn0.3_blank1_cg4_cw0.2',
  'stem_r3_nn0.3_blank1_cg5_cw0.3',
  'stem_r3_nn0.3_blank1_cg4_cw0.3_ne0.5',
  // Fourth round, from where the loss comes from (most of it from includes found after 30 % of the records, in the
  // middle of the recall curve): svm_u4's include weight 9.8, which finds more includes early (RRF@10) at some cost
  // late; the same but back to about 3 while the model is stalled (sr); plurals not folded (stemming costs
  // kitchenham_2010 9-13 points of WSS@95); text-less records first only after twice the mean gap (their inclusion
  // rate is far below the base rate where includes are common: 0 of 18 in urinary incontinence).
  'stem_r9.8_nn0.3_blank1_cg4_cw0.3',
  'r3_nn0.3_blank1_cg4_cw0.3',
  'r9.8_nn0.3_blank1_cg4_cw0.3',
  'stem_r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3',
  'stem_r3_nn0.3_blank2_cg4_cw0.3',
  // The include weights of the above, plurals not folded.
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3',
  // Fifth round. Selection rule, fixed before any of this round's configurations was scored (see `SelectionRule`):
  // per fold, among the configurations whose training-fold mean WSS@95 is ≥ 51, the lowest training-fold mean loss
  // (none ≥ 51: the highest mean WSS@95); the old rule (highest mean WSS@95) is reported beside it.
  // Words and their plural groups side by side (su: stemming's pooling without losing the words, which costs
  // kitchenham_2010 9-13 points when plurals are folded), at weight 1 and 0.5.
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_su1',
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_su0.5',
  // The SVM and naive Bayes (double balance) as an ensemble of z-scored margins (zs), naive Bayes at 0.5: two models
  // that err on different records, for the includes of the middle of the recall curve (72 % of the loss).
  'stem_r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_nb0.5_sm3.822_dbl1_zs1',
  // (Planned but never scored, so not listed: plural groups with the naive Bayes ensemble; naive Bayes at 1, and at 1
  // coming in only as the run of excludes grows; title words counted twice — dropped for time, after the first two
  // options had scored below the configurations they extend.)
  // Sixth round, same rule, each over the shipped configuration: the title's words counted twice (tw2: the title says
  // in a few words what a record is about); pseudo-relevance feedback while fewer than 10 includes are known (the 5
  // records the model ranks highest trained on as includes at 0.3 × an include's cost, for a model built on a few
  // includes); logistic loss instead of the squared hinge (lr1: every labelled record keeps some weight).
  // (Naive Bayes at weight 1 in the z-scored ensemble was started and stopped unscored, for time: at 0.5 it had
  // raised the loss. Feedback at every retrain costs about 3× the simulation time and was not run.)
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_tw2',
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_prf5_prfw0.3_prfu10',
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_lr1',
  // Seventh round, same rule, each over the shipped configuration. Latent semantic features (lsa: a truncated SVD of
  // the records × words TF-IDF, 128 components, appended to each row at weight lsw 0.3), for includes that share a
  // topic but few exact words. Novelty while the model has stalled (nv: 1 − the highest similarity to any decided
  // record, added to the score in the neighbour term's units), for the includes the model finds no sooner than random
  // order: oral hypoglycaemics' last includes are a cluster (glibenclamide and the warm-up phenomenon) found together
  // at 403-409 of 501 records; constant at 0.3, and scaled by the share of includes among the records decided (nvp1)
  // at 1 and 0.5. Naive Bayes at weight 1 in the z-scored ensemble (planned in round six, never scored). (Planned but
  // not scored, for time: lsw 0.6, nv 0.15.)
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_tw2_lsa128_lsw0.3',
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_tw2_nv0.3',
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_tw2_nv1_nvp1',
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_tw2_nv0.5_nvp1',
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_tw2_nb1_sm3.822_dbl1_zs1',
  // Eighth round, same rule, each over the shipped configuration: metadata features (`metadataTokens`), for the
  // evidence words miss. In 19 of the 25 datasets (those with an authors column), 0.25–0.90 of the includes share an
  // author (family name and initial) with another include, against 0.02–0.60 of the excludes sharing one with an
  // include. Authors at weight 1 and 3; authors at 1 with journal and year at 0.3.
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_tw2_aw1',
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_tw2_aw3',
  'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_tw2_aw1_jw0.3_yw0.3',
]

/**
 * The configuration in `defaults.ts`: the one the last cross-validation chose on all datasets (by `selectionRule`;
 * the old rule would keep "stem_r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3").
 */
export const shippedSpec = 'r9.8_nn0.3_blank1_cg4_cw0.3_sr0.3_tw2'

export const rankGrid: RankConfig[] = searchedSpecs.map(parseSpec)

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
 * How a fold's configuration is chosen from the mean scores on its training datasets.
 *
 * - `wss`: the highest mean WSS@95 (the rule of rounds one to four).
 * - `loss-given-wss` (the rule of round five, written down before any of its new configurations was scored, and
 *   following issue 6's targets: mean WSS@95 ≥ 51, then mean loss as low as possible): among the configurations
 *   whose training-fold mean WSS@95 is at least {@link wssFloor}, the one with the lowest training-fold mean loss;
 *   if none reaches the floor, the highest mean WSS@95.
 */
export type SelectionRule = 'wss' | 'loss-given-wss'

/** The WSS@95 floor (percent) of the `loss-given-wss` rule: the target for the mean. */
export const wssFloor = 51

/** The rule `bench:rank -- --cv` ships by (round five on); the old one is reported beside it. */
export const selectionRule: SelectionRule = 'loss-given-wss'

/** The configuration a rule picks from mean scores per configuration (ties: the one listed first). */
export function choose(
  means: ReadonlyMap<string, { wss95: number; loss: number }>,
  rule: SelectionRule,
): string {
  let chosen = ''
  let best = { wss95: -Infinity, loss: Infinity }
  const qualifies = (value: { wss95: number }): boolean => value.wss95 >= wssFloor
  const anyQualifies = rule === 'loss-given-wss' && [...means.values()].some(qualifies)
  for (const [config, value] of means) {
    const better = anyQualifies ? qualifies(value) && value.loss < best.loss : value.wss95 > best.wss95
    if (better) [chosen, best] = [config, value]
  }
  return chosen
}

/**
 * K-fold cross-validation over datasets: for each fold, the configuration `rule` picks from the mean scores on the
 * other folds' datasets is chosen and scored on the fold's own datasets. `scores` maps configuration name → scores
 * per dataset. The overall estimate is the mean over all datasets of their held-out scores.
 */
export function crossValidate(
  scores: ReadonlyMap<string, readonly DatasetScore[]>,
  folds = 5,
  rule: SelectionRule = selectionRule,
): { folds: FoldResult[]; wss95: number; loss: number; chosenOnAll: string } {
  const names = [...(scores.values().next().value ?? [])].map((score) => score.dataset)
  const foldOf = assignFolds(names, folds)
  const best = (datasets: ReadonlySet<string>): string => {
    const means = new Map<string, { wss95: number; loss: number }>()
    for (const [config, perDataset] of scores) {
      const used = perDataset.filter((score) => datasets.has(score.dataset))
      means.set(config, {
        wss95: mean(used.map((score) => score.wss95)),
        loss: mean(used.map((score) => score.loss)),
      })
    }
    return choose(means, rule)
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

/**
 * The mean loss if every dataset were screened with whichever configuration scored lowest on it: no rule that picks
 * one of these configurations per dataset (let alone one for all datasets) can beat it. It flatters by picking on
 * the same seeds it reports (luck counts as skill), so it bounds what choosing among `scores` can reach; it is not an
 * estimate. (Switching configurations in the middle of a review is not covered by it.)
 */
export function bestPerDatasetLoss(scores: ReadonlyMap<string, readonly DatasetScore[]>): number {
  const lowest = new Map<string, number>()
  for (const perDataset of scores.values())
    for (const score of perDataset)
      lowest.set(score.dataset, Math.min(lowest.get(score.dataset) ?? Infinity, score.loss))
  return mean([...lowest.values()])
}
