import type { SimulationMetrics } from '../src/core/ranking/metrics'
import type { RankerOptions } from '../src/core/ranking/ranker'
import { simulateScreening } from '../src/core/ranking/simulate'
import { buildTextIndex, type TextIndexOptions } from '../src/core/ranking/text-index'
import type { ScreeningDataset } from './rank-data'

/** A full model configuration: how text becomes features, and the ranker's settings. */
export type RankConfig = { name: string; index: TextIndexOptions; ranker: RankerOptions }

/** Mean metrics over the seeds of one dataset (WSS, RRF and ATD in percent as the reference tables print them). */
export type DatasetScore = {
  dataset: string
  runs: number
  wss95: number
  wss100: number
  rrf10: number
  atd: number
  loss: number
  seconds: number
}

const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)

/**
 * Simulates every reference run of the dataset (its seeds and exact prior rows from `svm_u4`, the same as
 * `nb_v1`'s) with the configuration, and averages the metrics.
 */
export function scoreDataset(dataset: ScreeningDataset, config: RankConfig, seeds = 5): DatasetScore {
  const started = performance.now()
  const index = buildTextIndex(
    dataset.data.texts,
    config.index,
    dataset.data.titleLengths,
    dataset.data.metadata,
  )
  const runs = (dataset.references.svm_u4 ?? []).slice(0, seeds)
  const results = runs.map((run) =>
    simulateScreening(index, dataset.data.labels, {
      seed: run.seed,
      priorRows: run.prior,
      ranker: config.ranker,
    }),
  )
  return datasetScore(
    dataset.name,
    results.map((result) => result.metrics),
    started,
  )
}

/** Mean metrics of a dataset's runs, WSS, RRF and ATD in percent; `started` is when the dataset's work began. */
export function datasetScore(
  dataset: string,
  runs: readonly SimulationMetrics[],
  started: number,
): DatasetScore {
  const metric = (pick: (metrics: SimulationMetrics) => number): number => mean(runs.map(pick))
  return {
    dataset,
    runs: runs.length,
    wss95: 100 * metric((m) => m.wss95),
    wss100: 100 * metric((m) => m.wss100),
    rrf10: 100 * metric((m) => m.rrf10),
    atd: 100 * metric((m) => m.atd),
    loss: metric((m) => m.loss),
    seconds: (performance.now() - started) / 1000,
  }
}

/** The per-dataset means of a reference model's runs (same units as {@link DatasetScore}). */
export function referenceScore(dataset: ScreeningDataset, model: string, seeds = 5): DatasetScore {
  const runs = (dataset.references[model] ?? []).slice(0, seeds)
  return {
    dataset: dataset.name,
    runs: runs.length,
    wss95: 100 * mean(runs.map((run) => run.wss95_cohen)),
    wss100: 100 * mean(runs.map((run) => run.wss100_cohen)),
    rrf10: 100 * mean(runs.map((run) => run.recall10)),
    atd: mean(runs.map((run) => run.atd_pct)),
    loss: mean(runs.map((run) => run.loss)),
    seconds: 0,
  }
}
