import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { findDuplicates, type DedupResult } from '../src/core/dedup/find-duplicates'
import { loadLabelledSets, type LabelledSet } from './dedup-data'
import { countAccuracy, type DedupAccuracy } from './dedup-metrics'
import { syntheticSet, type SyntheticSet } from './dedup-synthetic'

/** Published sensitivity of bib-dedupe on each set (BENCHMARKS.md §2), all at specificity 1.000. */
export const bibDedupeSensitivity: Record<string, number> = {
  asysd_diabetes: 1.0,
  sra_cytology_screening: 0.992,
  sra_haematology: 0.889,
  sra_respiratory: 0.936,
}

/** Accuracy of automatic merging on one labelled set, with the size of the review queue it leaves. */
export type SetEvaluation = DedupAccuracy & { name: string; uncertainPairs: number; milliseconds: number }

/** Turns a result's id clusters back into record indices for counting. */
function clusterIndices(result: DedupResult, ids: readonly string[]): number[][] {
  const indexOf = new Map(ids.map((id, index) => [id, index]))
  return result.clusters.map((cluster) => cluster.map((id) => indexOf.get(id) ?? -1))
}

/** Deduplicates one labelled set and counts automatic merges against its gold groups. */
export function evaluateSet(set: LabelledSet): SetEvaluation {
  const started = performance.now()
  const result = findDuplicates(set.records)
  const milliseconds = performance.now() - started
  const accuracy = countAccuracy(
    set.groups,
    clusterIndices(
      result,
      set.records.map((record) => record.id),
    ),
  )
  return { name: set.name, ...accuracy, uncertainPairs: result.uncertain.length, milliseconds }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** Timing of one synthetic size: every run's wall time, the median, and the accuracy of the last run. */
export type SpeedEvaluation = { records: number; runsMs: number[]; medianMs: number; accuracy: DedupAccuracy }

function timeSynthetic(set: SyntheticSet, runs: number): SpeedEvaluation {
  const runsMs: number[] = []
  let result: DedupResult = { clusters: [], uncertain: [] }
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    result = findDuplicates(set.records)
    runsMs.push(performance.now() - started)
  }
  const accuracy = countAccuracy(
    set.groups,
    clusterIndices(
      result,
      set.records.map((record) => record.id),
    ),
  )
  return { records: set.records.length, runsMs, medianMs: median(runsMs), accuracy }
}

const percent = (value: number): string => value.toFixed(3)

/** `npm run bench:dedup`: accuracy on every labelled set, then speed on 10k and 100k generated records. */
export function runDedupBench(runs = 5): void {
  const sets = loadLabelledSets()
  if (sets.length === 0) {
    console.error('No labelled sets found in ../shared/datasets/dedup: nothing to measure.')
    process.exitCode = 1
    return
  }
  const accuracy = sets.map(evaluateSet)
  console.log('Accuracy (automatic merges only; ASySD counting)')
  console.log('set                       records  groups  sens   spec   prec   bib-dedupe  queue  ms')
  for (const row of accuracy) {
    const anchor = bibDedupeSensitivity[row.name]
    console.log(
      `${row.name.padEnd(24)} ${String(row.records).padStart(8)} ${String(row.groups).padStart(7)}  ${percent(row.sensitivity)}  ${percent(row.specificity)}  ${percent(row.precision)}  ${anchor === undefined ? '  -  ' : percent(anchor)}       ${String(row.uncertainPairs).padStart(5)}  ${row.milliseconds.toFixed(0)}`,
    )
  }
  const seeds = sets.flatMap((set) => set.records.map((input) => input.record))
  const small = timeSynthetic(syntheticSet(seeds, 10_000), runs)
  const large = timeSynthetic(syntheticSet(seeds, 100_000), runs)
  const growth = large.medianMs / small.medianMs
  // n log n from 10k to 100k is 10 × log(100k) / log(10k) = 12.5.
  const nLogN = (10 * Math.log(100_000)) / Math.log(10_000)
  console.log(`\nSpeed (Node ${process.version}, ${runs} runs each, median)`)
  for (const row of [small, large]) {
    console.log(
      `${String(row.records).padStart(7)} records: ${row.medianMs.toFixed(0)} ms (runs ${row.runsMs.map((ms) => ms.toFixed(0)).join(', ')}); synthetic sens ${percent(row.accuracy.sensitivity)} spec ${percent(row.accuracy.specificity)}`,
    )
  }
  console.log(`growth 10k → 100k: ${growth.toFixed(1)}× (n log n would be ${nLogN.toFixed(1)}×)`)
  const out = path.resolve(import.meta.dirname, 'results')
  mkdirSync(out, { recursive: true })
  writeFileSync(
    path.join(out, 'dedup.json'),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, accuracy, speed: { small, large, growth, nLogN } }, null, 2)}\n`,
  )
}
