import { fork } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { defaultRankerOptions, defaultTextIndexOptions } from '../src/core/ranking/defaults'
import { loadScreeningDatasets, screeningDatasetDir, type ScreeningDataset } from './rank-data'
import { crossValidate, rankGrid, selectionRule, shippedSpec } from './rank-cv'
import type { CvTask } from './rank-cv-worker'
import { referenceScore, scoreDataset, type DatasetScore, type RankConfig } from './rank-sim'
import { measureSpeed } from './rank-speed'

const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)

const resultFile = (file: string): string => path.resolve(process.cwd(), 'bench/results', file)

function writeResult(file: string, result: unknown): void {
  const out = resultFile(file)
  mkdirSync(path.dirname(out), { recursive: true })
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), ...(result as object) }, null, 2)}\n`,
  )
  console.log(`Wrote ${path.relative(process.cwd(), out)}.`)
}

function comparisonTable(datasets: readonly ScreeningDataset[], ours: readonly DatasetScore[]) {
  return datasets.map((dataset, at) => {
    const own = ours[at]
    const nb = referenceScore(dataset, 'nb_v1')
    const svm = referenceScore(dataset, 'svm_u4')
    return { dataset: dataset.name, own, nb, svm }
  })
}

/** Prints per-dataset WSS@95 and loss beside nb_v1 and svm_u4, the means, and whether the targets hold. */
function printComparison(rows: ReturnType<typeof comparisonTable>): Record<string, number | boolean> {
  console.table(
    rows.map(({ dataset, own, nb, svm }) => ({
      dataset,
      'WSS@95': own?.wss95.toFixed(1),
      'nb_v1 WSS@95': nb.wss95.toFixed(1),
      'svm_u4 WSS@95': svm.wss95.toFixed(1),
      'Δ svm_u4': ((own?.wss95 ?? 0) - svm.wss95).toFixed(1),
      loss: own?.loss.toFixed(3),
      'nb_v1 loss': nb.loss.toFixed(3),
      'svm_u4 loss': svm.loss.toFixed(3),
      'WSS@100': own?.wss100.toFixed(1),
      'RRF@10': own?.rrf10.toFixed(1),
      'ATD %': own?.atd.toFixed(2),
      s: own?.seconds.toFixed(1),
    })),
  )
  const summary = {
    wss95: mean(rows.map((row) => row.own?.wss95 ?? 0)),
    nbWss95: mean(rows.map((row) => row.nb.wss95)),
    svmWss95: mean(rows.map((row) => row.svm.wss95)),
    loss: mean(rows.map((row) => row.own?.loss ?? 0)),
    nbLoss: mean(rows.map((row) => row.nb.loss)),
    svmLoss: mean(rows.map((row) => row.svm.loss)),
    worstVsSvm: Math.min(...rows.map((row) => (row.own?.wss95 ?? 0) - row.svm.wss95)),
  }
  console.log(
    `Mean WSS@95 ${summary.wss95.toFixed(2)} (nb_v1 ${summary.nbWss95.toFixed(2)}, svm_u4 ${summary.svmWss95.toFixed(2)}); ` +
      `mean loss ${summary.loss.toFixed(4)} (nb_v1 ${summary.nbLoss.toFixed(4)}, svm_u4 ${summary.svmLoss.toFixed(4)}, ` +
      `ratio ${(summary.loss / summary.svmLoss).toFixed(3)}); worst dataset vs svm_u4 ${summary.worstVsSvm.toFixed(1)} points.`,
  )
  const targets = {
    meanWss95AtLeast51: summary.wss95 >= 51,
    lossAtMost90PercentOfSvm: summary.loss <= 0.9 * summary.svmLoss,
    noDatasetMoreThan3Below: summary.worstVsSvm >= -3,
  }
  console.log(`Targets: ${JSON.stringify(targets)}`)
  return { ...summary, ...targets }
}

function runSpeed(datasets: readonly ScreeningDataset[]) {
  const speed = [10_000, 50_000].map((size) => measureSpeed(datasets, size))
  console.table(
    speed.map((each) => ({
      records: each.records,
      labelled: each.labelled,
      features: each.features,
      'index s': each.indexSeconds.toFixed(2),
      'cold retrain+rank s': each.coldRetrainRankSeconds.toFixed(3),
      'warm retrain+rank s': each.warmRetrainRankSeconds.toFixed(3),
    })),
  )
  return speed
}

/** Where a score is cached: `DIR/s<seeds>/<spec>/<dataset>.json` (`--cache DIR` here, and bench/rank-explore.ts). */
export const cachedScoreFile = (dir: string, spec: string, seeds: number, dataset: string): string =>
  path.join(dir, `s${seeds}`, spec, `${dataset}.json`)

/**
 * Scores every grid configuration on every dataset, in `jobs` child processes (each task one configuration on one
 * dataset, largest datasets first so the last tasks are short). With `cacheDir`, each score is also written there
 * as it arrives and scores found there are not run again, so an interrupted run loses only the tasks in flight
 * (clear the folder whenever the model code changes what a spec computes).
 */
export async function scoreGrid(
  datasets: readonly ScreeningDataset[],
  specs: readonly string[],
  seeds: number,
  jobs: number,
  cacheDir?: string,
): Promise<Map<string, DatasetScore[]>> {
  const bySize = [...datasets].sort((a, b) => b.data.texts.length - a.data.texts.length)
  const results = new Map<string, DatasetScore>()
  const key = (spec: string, dataset: string): string => `${spec}\u0000${dataset}`
  const cached = (spec: string, dataset: string): string | null =>
    cacheDir ? cachedScoreFile(cacheDir, spec, seeds, dataset) : null
  for (const spec of specs)
    for (const dataset of datasets) {
      const file = cached(spec, dataset.name)
      if (file && existsSync(file))
        results.set(key(spec, dataset.name), JSON.parse(readFileSync(file, 'utf8')) as DatasetScore)
    }
  if (results.size > 0) console.log(`${results.size} scores read from ${cacheDir}.`)
  const tasks: CvTask[] = specs.flatMap((spec) =>
    bySize
      .filter((dataset) => !results.has(key(spec, dataset.name)))
      .map((dataset) => ({ spec, dataset: dataset.name, seeds })),
  )
  const workerFile = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'rank-cv-worker.ts')
  let next = 0
  await Promise.all(
    Array.from(
      { length: Math.max(1, jobs) },
      () =>
        new Promise<void>((resolve, reject) => {
          const child = fork(workerFile, [], { stdio: 'inherit' })
          const give = (): void => {
            const task = tasks[next++]
            if (task) child.send(task)
            else child.kill()
          }
          child.on('message', (message: 'ready' | (CvTask & { score: DatasetScore })) => {
            if (message !== 'ready') {
              results.set(key(message.spec, message.dataset), message.score)
              const file = cached(message.spec, message.dataset)
              if (file) {
                mkdirSync(path.dirname(file), { recursive: true })
                writeFileSync(file, JSON.stringify(message.score))
              }
              const done = specs.indexOf(message.spec)
              if (datasets.every((dataset) => results.has(key(message.spec, dataset.name)))) {
                const scores = datasets.map((dataset) => results.get(key(message.spec, dataset.name)))
                const wss95 = mean(scores.map((score) => score?.wss95 ?? 0))
                console.log(`${done + 1}/${specs.length} ${message.spec}: mean WSS@95 ${wss95.toFixed(2)}`)
              }
            }
            give()
          })
          child.on('error', reject)
          child.on('exit', (code, signal) =>
            code === 0 || signal === 'SIGTERM' ? resolve() : reject(new Error(`worker exited ${code}`)),
          )
        }),
    ),
  )
  return new Map(
    specs.map((spec) => [
      spec,
      datasets.map((dataset) => {
        const score = results.get(key(spec, dataset.name))
        if (!score) throw new Error(`missing ${spec} on ${dataset.name}`)
        return score
      }),
    ]),
  )
}

/**
 * The per-dataset scores of the last `--cv` run (bench/results/rank-cv.json) for the given specs, when it used the
 * same seeds and scored every dataset. A spec means the same model whatever is added later (`specBase` is fixed and
 * new options start off), and simulations are deterministic, so these are what scoring them again would give.
 */
function previousScores(
  datasets: readonly ScreeningDataset[],
  specs: readonly string[],
  seeds: number,
): Map<string, DatasetScore[]> {
  const file = resultFile('rank-cv.json')
  if (!existsSync(file)) return new Map()
  const previous = JSON.parse(readFileSync(file, 'utf8')) as {
    seeds?: number
    scores?: Record<string, DatasetScore[]>
  }
  if (previous.seeds !== seeds || !previous.scores) return new Map()
  const reused = new Map<string, DatasetScore[]>()
  for (const spec of specs) {
    const list = previous.scores[spec]
    const byName = new Map((list ?? []).map((score) => [score.dataset, score]))
    const ordered = datasets.map((dataset) => byName.get(dataset.name))
    if (ordered.every((score) => score !== undefined)) reused.set(spec, ordered)
  }
  return reused
}

async function runCrossValidation(
  datasets: readonly ScreeningDataset[],
  seeds: number,
  jobs: number,
  reuse: boolean,
  cacheDir: string | undefined,
) {
  const specs = rankGrid.map((config) => config.name)
  const started = performance.now()
  const reused = reuse ? previousScores(datasets, specs, seeds) : new Map<string, DatasetScore[]>()
  if (reuse) console.log(`Reusing the last run's scores of ${reused.size} of ${specs.length} configurations.`)
  const fresh = await scoreGrid(
    datasets,
    specs.filter((spec) => !reused.has(spec)),
    seeds,
    jobs,
    cacheDir,
  )
  const scores = new Map(specs.map((spec) => [spec, reused.get(spec) ?? fresh.get(spec) ?? []]))
  const result = crossValidate(scores, 5, selectionRule)
  // The rule of rounds one to four (best mean WSS@95), for comparison only.
  const byWss = crossValidate(scores, 5, 'wss')
  console.table(
    [...scores].map(([spec, list]) => ({
      spec,
      'WSS@95': mean(list.map((score) => score.wss95)).toFixed(2),
      loss: mean(list.map((score) => score.loss)).toFixed(4),
    })),
  )
  for (const [rule, each] of [
    [selectionRule, result],
    ['wss', byWss],
  ] as const) {
    console.log(`Rule ${rule}:`)
    console.table(each.folds.map((fold) => ({ ...fold, heldOut: fold.heldOut.join(' ') })))
    console.log(
      `Held-out mean WSS@95 ${each.wss95.toFixed(2)}, loss ${each.loss.toFixed(4)}; chosen on all: ${each.chosenOnAll}`,
    )
  }
  console.log(
    `Shipped (rule ${selectionRule}): ${shippedSpec}${result.chosenOnAll === shippedSpec ? '' : ' — DIFFERENT, update defaults.ts'}.`,
  )
  const seconds = (performance.now() - started) / 1000
  console.log(
    `${specs.length} configurations × ${datasets.length} datasets × ${seeds} seeds in ${seconds.toFixed(0)} s.`,
  )
  writeResult('rank-cv.json', {
    seeds,
    reusedConfigurations: [...reused.keys()],
    grid: rankGrid,
    scores: Object.fromEntries(scores),
    selectionRule,
    ...result,
    byWss,
    shippedSpec,
    seconds,
  })
}

/**
 * `bench:rank`: the shipped settings on every screening dataset with the reference runs' priors (5 seeds), side
 * by side with nb_v1 and svm_u4, then retrain + rank speed at 10,000 and 50,000 records. `-- --cv` instead runs
 * the cross-validation over datasets that chose the settings (2 seeds per configuration); with `--reuse` the
 * configurations the last run scored keep their scores from bench/results/rank-cv.json and only new ones are run;
 * with `--cache DIR` scores are kept per configuration and dataset in DIR as they arrive (see {@link scoreGrid}).
 */
export async function runRankBench(argv: readonly string[]): Promise<void> {
  const datasets = loadScreeningDatasets()
  if (!datasets) {
    console.error(`The screening datasets (${screeningDatasetDir}) are not here; nothing to measure.`)
    process.exitCode = 1
    return
  }
  if (argv.includes('--cv')) {
    const jobsAt = argv.indexOf('--jobs')
    const cacheAt = argv.indexOf('--cache')
    await runCrossValidation(
      datasets,
      2,
      jobsAt >= 0 ? Number(argv[jobsAt + 1]) : 2,
      argv.includes('--reuse'),
      cacheAt >= 0 ? argv[cacheAt + 1] : undefined,
    )
    return
  }
  const config: RankConfig = { name: 'default', index: defaultTextIndexOptions, ranker: defaultRankerOptions }
  const started = performance.now()
  const ours = datasets.map((dataset) => scoreDataset(dataset, config, 5))
  const simulationSeconds = (performance.now() - started) / 1000
  const summary = printComparison(comparisonTable(datasets, ours))
  console.log(`Simulated 25 datasets × 5 seeds in ${simulationSeconds.toFixed(0)} s.`)
  const speed = runSpeed(datasets)
  writeResult('rank.json', { config, simulationSeconds, summary, datasets: ours, speed })
}
