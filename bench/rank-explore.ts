// Exploration helper for the ranking model (not part of `bench:rank`): simulates configurations given as compact
// specs on every screening dataset, caching per (spec, seeds, dataset), so several processes can share the work:
//   npx tsx bench/rank-explore.ts run SPEC[,SPEC…] [--seeds 2]      (start one per core; they pick free tasks)
//   npx tsx bench/rank-explore.ts report SPEC[,SPEC…] [--seeds 2]   (means, per dataset, cross-validation)
// A spec is tokens joined by "_" over `specBase`, e.g. "c0.1_r9.8_min2" (see `parseSpec`); specs joined by "+" are
// an ensemble of them (see `simulateEnsemble`); joined by "@", the first ranks alone until the model stalls.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { cachedScoreFile } from './rank'
import { bestPerDatasetLoss, crossValidate } from './rank-cv'
import { loadScreeningDatasets } from './rank-data'
import { scoreEnsemble } from './rank-ensemble'
import { referenceScore, scoreDataset, type DatasetScore } from './rank-sim'
import { parseSpec } from './rank-spec'

const cacheDir = process.env.RANK_EXPLORE_DIR ?? '/tmp/rank-explore'

const fileOf = (spec: string, seeds: number, dataset: string): string =>
  cachedScoreFile(cacheDir, spec, seeds, dataset)

function run(specs: string[], seeds: number): void {
  const datasets = loadScreeningDatasets() ?? []
  // Largest first, so the last tasks are short.
  const bySize = [...datasets].sort((a, b) => b.data.texts.length - a.data.texts.length)
  for (const spec of specs) {
    const switching = spec.includes('@')
    const members = spec.split(/[+@]/).map(parseSpec)
    for (const dataset of bySize) {
      const file = fileOf(spec, seeds, dataset.name)
      if (existsSync(file) || existsSync(`${file}.lock`)) continue
      mkdirSync(path.dirname(file), { recursive: true })
      try {
        closeSync(openSync(`${file}.lock`, 'wx'))
      } catch {
        continue
      }
      const [only] = members
      const score =
        members.length === 1 && only
          ? scoreDataset(dataset, only, seeds)
          : scoreEnsemble(dataset, members, seeds, switching)
      writeFileSync(file, JSON.stringify(score))
      // The score file now marks the task done; the lock only kept two processes off it while it ran.
      rmSync(`${file}.lock`, { force: true })
      console.log(`${spec} ${dataset.name} ${score.wss95.toFixed(1)} ${score.seconds.toFixed(1)} s`)
    }
  }
}

function report(specs: string[], seeds: number): void {
  const datasets = loadScreeningDatasets() ?? []
  const scores = new Map<string, DatasetScore[]>()
  for (const spec of specs) {
    const perDataset = datasets.map((dataset) => {
      const file = fileOf(spec, seeds, dataset.name)
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DatasetScore) : null
    })
    if (perDataset.some((score) => score === null)) {
      console.log(`${spec}: ${perDataset.filter((s) => s).length}/${datasets.length} datasets done`)
      continue
    }
    scores.set(spec, perDataset as DatasetScore[])
  }
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)
  const svm = datasets.map((dataset) => referenceScore(dataset, 'svm_u4', seeds))
  const short = (name: string): string =>
    name.replace(/^(cohen_2006_|ferdinands2023_|synergy_)/, '').slice(0, 6)
  console.log(
    `${'spec'.padEnd(34)} WSS95  loss  lossR  <-3  ${datasets.map((d) => short(d.name).padStart(6)).join(' ')}`,
  )
  const row = (name: string, list: DatasetScore[]): void => {
    const below = list.filter((score, at) => score.wss95 < (svm[at]?.wss95 ?? 0) - 3).length
    const lossRatio = mean(list.map((s) => s.loss)) / mean(svm.map((s) => s.loss))
    console.log(
      `${name.padEnd(34)} ${mean(list.map((s) => s.wss95)).toFixed(2)} ${mean(list.map((s) => s.loss)).toFixed(4)} ${lossRatio.toFixed(3)} ${String(below).padStart(3)}  ${list.map((s) => s.wss95.toFixed(1).padStart(6)).join(' ')}`,
    )
  }
  row(`svm_u4 (${seeds} seeds)`, svm)
  for (const [spec, list] of scores) row(spec, list)
  if (scores.size > 1) {
    const bound = bestPerDatasetLoss(scores)
    console.log(
      `Best loss on each dataset over these specs: mean ${bound.toFixed(4)}, ${(bound / mean(svm.map((s) => s.loss))).toFixed(3)} × svm_u4 (picked on the seeds it reports: a bound, not an estimate)`,
    )
  }
  if (scores.size > 1)
    for (const rule of ['loss-given-wss', 'wss'] as const) {
      const result = crossValidate(scores, 5, rule)
      console.log(
        `CV (${rule}): held-out WSS@95 ${result.wss95.toFixed(2)}, loss ${result.loss.toFixed(4)}; per fold ${result.folds.map((f) => `${f.chosen} ${f.heldOutWss95.toFixed(1)}`).join(' | ')}; chosen on all ${result.chosenOnAll}`,
      )
    }
}

const [command, list = 'base', ...rest] = process.argv.slice(2)
const seedsAt = rest.indexOf('--seeds')
const seeds = seedsAt >= 0 ? Number(rest[seedsAt + 1]) : 2
const specs = list.split(',')
for (const spec of specs) spec.split(/[+@]/).forEach((member) => parseSpec(member))
if (command === 'run') run(specs, seeds)
else report(specs, seeds)
