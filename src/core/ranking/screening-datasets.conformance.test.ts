import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { readLabelledCsv } from './labelled-csv'
import { simulationMetrics } from './metrics'
import { simulateScreening } from './simulate'
import { buildTextIndex } from './text-index'

// The labelled screening datasets live next to the repository (../shared); they are never copied into the project.
const datasetDir = path.resolve(process.cwd(), '../shared/datasets/screening')
const hasDatasets = existsSync(path.join(datasetDir, 'MANIFEST.tsv'))

if (!hasDatasets) {
  if (process.env.CI)
    throw new Error(`screening datasets: ${datasetDir} is missing, and CI must run this test`)
  console.warn(
    `screening dataset checks skipped: ${datasetDir} not found (shared material outside the repository)`,
  )
}

type ReferenceRun = {
  seed: number
  prior: number[]
  wss95_cohen: number
  wss95_asr0: number
  wss100_cohen: number
  n_to_100: number
}

function manifest(): Array<{ name: string; records: number; included: number }> {
  const [header, ...lines] = readFileSync(path.join(datasetDir, 'MANIFEST.tsv'), 'utf8').trim().split('\n')
  const columns = (header ?? '').split('\t')
  return lines.map((line) => {
    const cells = line.split('\t')
    const cell = (name: string): string => cells[columns.indexOf(name)] ?? ''
    return { name: cell('name'), records: Number(cell('records')), included: Number(cell('included')) }
  })
}

function load(name: string) {
  const data = readLabelledCsv(readFileSync(path.join(datasetDir, `${name}.csv`), 'utf8'))
  if ('error' in data) throw new Error(data.error)
  const runs = JSON.parse(
    readFileSync(path.join(datasetDir, 'reference_runs', `${name}__svm_u4.json`), 'utf8'),
  ) as ReferenceRun[]
  return { data, runs }
}

describe.skipIf(!hasDatasets)('screening datasets (../shared/datasets/screening)', () => {
  const rows = hasDatasets ? manifest() : []

  it.each(rows.map((row) => [row.name, row] as const))(
    '%s: records and includes as in the MANIFEST',
    (_, row) => {
      const { data, runs } = load(row.name)
      expect(data.labels.length).toBe(row.records)
      expect(data.labels.reduce((sum, label) => sum + label, 0)).toBe(row.included)
      // Our definitions against the reference runs': N' = N − 2 and k' = k − 1 (priors excluded), n95 = records
      // until ⌈0.95 k'⌉ includes (read back from the asr0 − Cohen difference), n100 = (1 − WSS@100) · N'.
      const total = row.records - 2
      const relevant = row.included - 1
      for (const run of runs) {
        const target = Math.round((run.wss95_asr0 - run.wss95_cohen + 0.95) * relevant)
        expect(target).toBe(Math.ceil(0.95 * relevant - 1e-9))
        expect(Math.round((1 - run.wss100_cohen) * total)).toBe(run.n_to_100)
        // A screening order with exactly those n95 and n100: our metrics must give the reference's WSS values.
        const n95 = Math.round((0.95 - run.wss95_cohen) * total)
        const positions = new Set([
          ...Array.from({ length: target - 1 }, (_, at) => at + 1),
          n95,
          run.n_to_100,
        ])
        for (let extra = 1; positions.size < relevant; extra++) positions.add(n95 + extra)
        const order = Array.from({ length: run.n_to_100 }, (_, at) => (positions.has(at + 1) ? 1 : 0))
        const ours = simulationMetrics(order, total, relevant)
        expect(ours.wss95).toBeCloseTo(run.wss95_cohen, 9)
        expect(ours.wss95Asr0).toBeCloseTo(run.wss95_asr0, 9)
        expect(ours.wss100).toBeCloseTo(run.wss100_cohen, 9)
      }
    },
  )

  it('prioritises synergy_donners_2021 at least as well as ASReview 2 (svm_u4) on its reference priors', () => {
    const { data, runs } = load('synergy_donners_2021')
    const index = buildTextIndex(data.texts, {}, data.titleLengths)
    const ours = runs.map((run) =>
      simulateScreening(index, data.labels, { seed: run.seed, priorRows: run.prior }),
    )
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length
    const reference = mean(runs.map((run) => run.wss95_cohen))
    expect(mean(ours.map((run) => run.metrics.wss95))).toBeGreaterThanOrEqual(reference - 0.03)
  })
})
