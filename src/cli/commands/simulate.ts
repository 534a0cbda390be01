import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'

import { indexLabelledDataset, readLabelledCsv, type LabelledDataset } from '../../core/ranking/labelled-csv'
import type { SimulationMetrics } from '../../core/ranking/metrics'
import { recallPlotSvg } from '../../core/ranking/recall-plot'
import { simulateScreening, type SimulationResult } from '../../core/ranking/simulate'
import { CliError, exitCodes, type Command } from '../framework'

/** The figures printed per run and as means (shares 0–1, like ASReview's reference runs; ATD also in records). */
type RunFigures = Pick<
  SimulationMetrics,
  'wss95' | 'wss95Asr0' | 'wss100' | 'rrf10' | 'atd' | 'atdRecords' | 'loss' | 'recordsToLastInclude'
>

/** A run to simulate: its seed and, from `--priors`, the exact prior rows. */
type PlannedRun = { seed: number; priorRows?: number[] }

const maxSeeds = 1000

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ENOENT') throw new CliError(`${path}: no such file.`)
    if (code === 'EISDIR') throw new CliError(`${path} is a folder, not a file.`)
    throw new CliError(`${path}: cannot be read (${code ?? 'error'}).`)
  }
}

function parseSeeds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const seeds = Number(value)
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > maxSeeds)
    throw new CliError(
      `--seeds must be a whole number from 1 to ${maxSeeds}, not "${value}".`,
      exitCodes.usage,
    )
  return seeds
}

/** Reads a reference-run file: a JSON array of `{ seed, prior: [0-based rows] }` (other fields ignored). */
function parsePriors(path: string, text: string, rowCount: number): PlannedRun[] {
  let runs: unknown
  try {
    runs = JSON.parse(text)
  } catch {
    throw new CliError(`${path}: not JSON.`)
  }
  if (!Array.isArray(runs) || runs.length === 0)
    throw new CliError(`${path}: expected a JSON array of runs with "seed" and "prior".`)
  return runs.map((run: unknown, at) => {
    const { seed, prior } = (run ?? {}) as { seed?: unknown; prior?: unknown }
    const isRows =
      Array.isArray(prior) &&
      prior.length > 0 &&
      prior.every((row) => Number.isInteger(row) && (row as number) >= 0 && (row as number) < rowCount)
    if (!Number.isInteger(seed) || !isRows)
      throw new CliError(
        `${path}: run ${at + 1} needs an integer "seed" and "prior" rows between 0 and ${rowCount - 1}.`,
      )
    return { seed: seed as number, priorRows: prior as number[] }
  })
}

function figures(metrics: SimulationMetrics): RunFigures {
  const { wss95, wss95Asr0, wss100, rrf10, atd, atdRecords, loss, recordsToLastInclude } = metrics
  return { wss95, wss95Asr0, wss100, rrf10, atd, atdRecords, loss, recordsToLastInclude }
}

function meanFigures(runs: readonly RunFigures[]): RunFigures {
  const keys = Object.keys(runs[0] ?? {}) as (keyof RunFigures)[]
  const mean = (key: keyof RunFigures): number =>
    runs.reduce((sum, run) => sum + run[key], 0) / Math.max(1, runs.length)
  return Object.fromEntries(keys.map((key) => [key, mean(key)])) as RunFigures
}

function checkDataset(path: string, dataset: LabelledDataset): void {
  const includes = dataset.labels.reduce((sum, label) => sum + label, 0)
  if (includes < 2 || dataset.labels.length - includes < 1)
    throw new CliError(
      `${path}: a simulation needs at least 2 included and 1 excluded record (found ${includes} and ${
        dataset.labels.length - includes
      }).`,
    )
}

function plannedRuns(seeds: number | undefined, priors: PlannedRun[] | undefined): PlannedRun[] {
  if (!priors) return Array.from({ length: seeds ?? 5 }, (_, seed) => ({ seed }))
  if (seeds !== undefined && seeds > priors.length)
    throw new CliError(`--seeds ${seeds} asks for more runs than the priors file has (${priors.length}).`)
  return priors.slice(0, seeds ?? priors.length)
}

function plotOf(dataset: LabelledDataset, results: readonly SimulationResult[], name: string): string {
  const first = results[0]
  const total = dataset.labels.length - (first?.priorRows.length ?? 0)
  const relevant = first ? countIncludes(dataset, first) : 0
  const series = results.map((result) => ({
    label: `seed ${result.seed}`,
    decisions: Array.from(result.order, (row) => dataset.labels[row] ?? 0),
  }))
  return recallPlotSvg(series, total, relevant, `${name}: recall after the priors`)
}

function countIncludes(dataset: LabelledDataset, result: SimulationResult): number {
  const priorIncludes = result.priorRows.filter((row) => dataset.labels[row] === 1).length
  return dataset.labels.reduce((sum, label) => sum + label, 0) - priorIncludes
}

/** `sift simulate DATASET.csv [--seeds N] [--priors FILE] [--plot OUT.svg]`: the ASReview simulation protocol. */
export const simulateCommand: Command = {
  name: 'simulate',
  summary:
    'Simulate screening prioritisation on a labelled CSV (record_id,title,abstract,label): WSS@95, WSS@100, RRF@10, ATD and loss per seed and mean, as JSON.',
  usage: 'simulate DATASET.csv [--seeds N] [--priors FILE] [--plot OUT.svg]',
  options: [
    { name: 'seeds', kind: 'value', valueName: 'N', description: 'Runs with seeds 0…N−1 (default 5).' },
    {
      name: 'priors',
      kind: 'value',
      valueName: 'FILE',
      description: 'JSON runs with "seed" and 0-based "prior" rows (reference_runs format); used exactly.',
    },
    { name: 'plot', kind: 'value', valueName: 'OUT.svg', description: 'Write the recall curves as SVG.' },
  ],
  async run(args, { io }) {
    const [path, ...extra] = args.positionals
    if (path === undefined) throw new CliError('Name the labelled CSV file to simulate on.', exitCodes.usage)
    if (extra.length > 0) throw new CliError('Simulate on one CSV file at a time.', exitCodes.usage)
    const seeds = parseSeeds(args.values.get('seeds'))
    const dataset = readLabelledCsv(await readText(path))
    if ('error' in dataset) throw new CliError(`${path}: ${dataset.error}`)
    checkDataset(path, dataset)
    const priorsPath = args.values.get('priors')
    const priors =
      priorsPath === undefined
        ? undefined
        : parsePriors(priorsPath, await readText(priorsPath), dataset.labels.length)
    const index = indexLabelledDataset(dataset)
    const results = plannedRuns(seeds, priors).map(({ seed, priorRows }) =>
      simulateScreening(index, dataset.labels, { seed, ...(priorRows ? { priorRows } : {}) }),
    )
    const perRun = results.map((result) => figures(result.metrics))
    const runs = results.map((result, at) => ({ seed: result.seed, prior: result.priorRows, ...perRun[at] }))
    const plotPath = args.values.get('plot')
    if (plotPath !== undefined) {
      try {
        await writeFile(plotPath, plotOf(dataset, results, basename(path)))
      } catch (error) {
        throw new CliError(
          `${plotPath}: cannot be written (${(error as { code?: string }).code ?? 'error'}).`,
        )
      }
    }
    const includes = dataset.labels.reduce((sum, label) => sum + label, 0)
    const output = {
      dataset: basename(path),
      records: dataset.labels.length,
      includes,
      runs,
      mean: meanFigures(perRun),
    }
    io.out(JSON.stringify(output, null, 2))
    return exitCodes.ok
  },
}
