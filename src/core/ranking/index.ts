/**
 * Screening prioritisation (active learning): the text index, the ranking model, simulation metrics, the
 * simulation itself and the statistics of the stopping panel. Pure TypeScript; safe in a Web Worker.
 *
 * Typical use after each decision: build the index once (`buildTextIndex`), then
 * `model = trainRanker(index, labels, { warmStart: previousModel })`; when `model` is null (not yet one include and
 * one exclude) keep a random order, else `rankOrder(scoreRows(model, index), labelledRows, seed)`.
 */
export { buildTextIndex, featureTerm, type TextIndex, type TextIndexOptions } from './text-index'
export { tokenize, englishStopWords } from './tokenize'
export {
  createRankTrainer,
  explainRow,
  rankOrder,
  scoreRows,
  tieBreakKeys,
  trainRanker,
  type RankModel,
  type RankTrainer,
  type RankerOptions,
  type RowLabel,
} from './ranker'
export { defaultRankerOptions, defaultTextIndexOptions } from './defaults'
export { normalisedLoss, simulationMetrics, type SimulationMetrics } from './metrics'
export { randomPriors, simulateScreening, type SimulationOptions, type SimulationResult } from './simulate'
export {
  additionalSampleToStop,
  consecutiveIrrelevant,
  estimateRemainingRelevant,
  hypergeometricStoppingTest,
  recallCurve,
  type RecallPoint,
  type RemainingEstimate,
  type StoppingOptions,
  type StoppingSample,
  type StoppingTest,
} from './stopping'
export { hypergeometricCdf, hypergeometricPmf, logChoose, logGamma } from './hypergeometric'
export { readLabelledCsv, type LabelledDataset } from './labelled-csv'
