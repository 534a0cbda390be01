import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { classifyDesign } from '../src/core/tagging/design-classifier'
import { loadDesignDataset, textOnly, type LabelledRecord } from './design-data'
import { auroc, brierScore, precisionRecall, specificityAtSensitivity } from './design-metrics'

/** Benchmark labels (MANIFEST `design_label_pt`) for the designs whose precision and recall are reported. */
const labelToDesign: Record<string, string> = {
  systematic_review_or_meta_analysis: 'sr-ma',
  review: 'narrative-review',
  case_report: 'case-report',
  rct: 'rct',
}

/** Figures for one subset of the design dataset; the classifier saw title and abstract only. */
export type DesignEvaluation = {
  subset: string
  records: number
  rcts: number
  auroc: number
  specificityAtSensitivity985: number
  sensitivityReached: number
  threshold: number
  /** Sensitivity and specificity at the shipped decision threshold (rctProbability ≥ 0.5). */
  atHalf: { sensitivity: number; specificity: number }
  brier: number
  designs: Record<
    string,
    { precision: number; recall: number; truePositives: number; predicted: number; actual: number }
  >
}

/** Classifies every record on text alone (publication types removed) and computes the benchmark figures. */
export function evaluateDesign(subset: string, records: readonly LabelledRecord[]): DesignEvaluation {
  const results = records.map(({ record }) =>
    classifyDesign(textOnly(record), { usePublicationTypes: false }),
  )
  const scores = results.map((result) => result.rctProbability)
  const labels = records.map((record) => record.isRct)
  const atTarget = specificityAtSensitivity(scores, labels, 0.985)
  const predicted = results.map((result) => result.design)
  const actual = records.map((record) => labelToDesign[record.label] ?? 'other')
  const positives = labels.filter(Boolean).length
  const truePositives = scores.filter((score, index) => score >= 0.5 && labels[index]).length
  const trueNegatives = scores.filter((score, index) => score < 0.5 && !labels[index]).length
  return {
    subset,
    records: records.length,
    rcts: positives,
    auroc: auroc(scores, labels),
    specificityAtSensitivity985: atTarget.specificity,
    sensitivityReached: atTarget.sensitivity,
    threshold: atTarget.threshold,
    atHalf: {
      sensitivity: truePositives / positives,
      specificity: trueNegatives / (records.length - positives),
    },
    brier: brierScore(scores, labels),
    designs: Object.fromEntries(
      ['sr-ma', 'narrative-review', 'case-report'].map((design) => [
        design,
        precisionRecall(predicted, actual, design),
      ]),
    ),
  }
}

/**
 * The subsets reported. The cue weights were set by hand while looking at errors on the development half (even
 * PMIDs) only; the odd-PMID half is the held-out figure. Nothing is fitted by an optimiser.
 */
export function designSubsets(records: readonly LabelledRecord[]): [string, LabelledRecord[]][] {
  const withAbstract = records.filter(({ record }) => record.abstract.trim() !== '')
  const isDev = ({ record }: LabelledRecord): boolean => Number(record.pmid) % 2 === 0
  return [
    ['held-out (odd PMID, with abstract)', withAbstract.filter((record) => !isDev(record))],
    ['development (even PMID, with abstract)', withAbstract.filter(isDev)],
    ['all with abstract', withAbstract],
    [
      'robotsearch with abstract',
      withAbstract.filter(({ dataset }) => dataset === 'robotsearch_pubmed_test'),
    ],
    ['all records (incl. title only)', [...records]],
  ]
}

const percent = (value: number): string => (Number.isNaN(value) ? '  –  ' : `${(100 * value).toFixed(1)}%`)

function printTable(evaluations: readonly DesignEvaluation[]): void {
  const rows = evaluations.map((each) => ({
    subset: each.subset,
    n: each.records,
    RCTs: each.rcts,
    AUROC: each.auroc.toFixed(4),
    'spec@sens≥98.5%': `${percent(each.specificityAtSensitivity985)} (sens ${percent(each.sensitivityReached)})`,
    'sens/spec @0.5': `${percent(each.atHalf.sensitivity)} / ${percent(each.atHalf.specificity)}`,
    ...Object.fromEntries(
      Object.entries(each.designs).map(([design, pr]) => [
        `${design} P/R (n)`,
        `${percent(pr.precision)} / ${percent(pr.recall)} (${pr.actual})`,
      ]),
    ),
  }))
  console.table(rows)
}

/** `bench:design`: prints the table and writes bench/results/design.json. */
export function runDesignBench(): void {
  const records = loadDesignDataset()
  if (!records) {
    console.error('The design dataset (../shared/datasets/design) is not here; nothing to measure.')
    process.exitCode = 1
    return
  }
  const start = performance.now()
  const evaluations = designSubsets(records).map(([name, subset]) => evaluateDesign(name, subset))
  const seconds = (performance.now() - start) / 1000
  printTable(evaluations)
  console.log(
    `Classified ${evaluations.reduce((sum, each) => sum + each.records, 0)} records in ${seconds.toFixed(2)} s.`,
  )
  const out = path.resolve(process.cwd(), 'bench/results/design.json')
  mkdirSync(path.dirname(out), { recursive: true })
  const note =
    'Text only (publication types removed). Hand-set cue weights, no fitted model; the held-out half (odd PMIDs) was not looked at while setting them.'
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), note, evaluations }, null, 2)}\n`)
  console.log(`Wrote ${path.relative(process.cwd(), out)}.`)
}
