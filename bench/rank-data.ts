import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { readLabelledCsv, type LabelledDataset } from '../src/core/ranking/labelled-csv'

/** `../shared/datasets/screening`, resolved from the working directory (the repository root). */
export const screeningDatasetDir = path.resolve(process.cwd(), '../shared/datasets/screening')

/** One reference run of `reference_runs/<dataset>__<model>.json` (fields we compare; others ignored). */
export type ReferenceRun = {
  seed: number
  prior: number[]
  wss95_cohen: number
  wss100_cohen: number
  recall10: number
  atd_pct: number
  loss: number
}

export type ScreeningDataset = {
  name: string
  data: LabelledDataset
  /** Reference runs per model (`nb_v1`, `svm_u4`); their priors are reused for a paired comparison. */
  references: Record<string, ReferenceRun[]>
}

/** Reads a reference-run file (`--priors` format): an array of runs with `seed` and 0-based `prior` rows. */
export function readReferenceRuns(file: string): ReferenceRun[] {
  return JSON.parse(readFileSync(file, 'utf8')) as ReferenceRun[]
}

/** Every labelled dataset with its reference runs, by name; null when the shared folder is absent. */
export function loadScreeningDatasets(dir = screeningDatasetDir): ScreeningDataset[] | null {
  if (!existsSync(path.join(dir, 'MANIFEST.tsv'))) return null
  const names = readdirSync(dir)
    .filter((file) => file.endsWith('.csv'))
    .map((file) => file.slice(0, -4))
    .sort()
  return names.map((name) => {
    const data = readLabelledCsv(readFileSync(path.join(dir, `${name}.csv`), 'utf8'))
    if ('error' in data) throw new Error(`${name}.csv: ${data.error}`)
    const references: Record<string, ReferenceRun[]> = {}
    for (const model of ['nb_v1', 'svm_u4']) {
      const file = path.join(dir, 'reference_runs', `${name}__${model}.json`)
      if (existsSync(file)) references[model] = readReferenceRuns(file)
    }
    return { name, data, references }
  })
}
