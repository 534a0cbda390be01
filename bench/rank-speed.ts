import { performance } from 'node:perf_hooks'

import { rankOrder, scoreRows, trainRanker, type RowLabel } from '../src/core/ranking/ranker'
import { buildTextIndex } from '../src/core/ranking/text-index'
import { mulberry32 } from '../src/core/screening/queue'
import type { ScreeningDataset } from './rank-data'

/** Timings (seconds) at one project size: the index built once, then one retrain + re-rank per decision. */
export type SpeedResult = {
  records: number
  labelled: number
  features: number
  indexSeconds: number
  /** Retrain from scratch on all labels, score every record and order the unlabelled ones. */
  coldRetrainRankSeconds: number
  /** The same, warm-started from the model before the last decision (what the worker does): median of 5. */
  warmRetrainRankSeconds: number
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** Every dataset's records one after another, repeated until `size` (labels travel with their text). */
function replicate(
  datasets: readonly ScreeningDataset[],
  size: number,
): { texts: string[]; titleLengths: number[]; labels: number[] } {
  const texts: string[] = []
  const titleLengths: number[] = []
  const labels: number[] = []
  while (texts.length < size) {
    for (const { data } of datasets) {
      for (let row = 0; row < data.texts.length && texts.length < size; row++) {
        texts.push(data.texts[row] ?? '')
        titleLengths.push(data.titleLengths[row] ?? 0)
        labels.push(data.labels[row] ?? 0)
      }
    }
  }
  return { texts, titleLengths, labels }
}

function timed<T>(work: () => T): [T, number] {
  const started = performance.now()
  const result = work()
  return [result, (performance.now() - started) / 1000]
}

/** Measures index, cold and warm retrain + rank with `labelled` random decisions at `size` records. */
export function measureSpeed(
  datasets: readonly ScreeningDataset[],
  size: number,
  labelled = 500,
): SpeedResult {
  const { texts, titleLengths, labels } = replicate(datasets, size)
  const [index, indexSeconds] = timed(() => buildTextIndex(texts, {}, titleLengths))
  const random = mulberry32(2026)
  const rows = new Set<number>()
  while (rows.size < labelled) rows.add(Math.floor(random() * size))
  const decisions: RowLabel[] = [...rows].map((row) => ({ row, label: labels[row] === 1 ? 1 : 0 }))
  const retrainRank = (warmStart: ReturnType<typeof trainRanker>): number =>
    timed(() => {
      const model = trainRanker(index, decisions, { warmStart })
      if (model) rankOrder(scoreRows(model, index), rows, 1)
    })[1]
  const cold = retrainRank(null)
  const warmTimes: number[] = []
  for (let repeat = 0; repeat < 5; repeat++) {
    const previous = trainRanker(index, decisions.slice(0, -1))
    warmTimes.push(retrainRank(previous))
  }
  return {
    records: size,
    labelled,
    features: index.featureCount,
    indexSeconds,
    coldRetrainRankSeconds: cold,
    warmRetrainRankSeconds: median(warmTimes),
  }
}
