// Child process of `bench:rank -- --cv --jobs N`: scores (configuration spec, dataset) pairs sent by the parent.
import { loadScreeningDatasets } from './rank-data'
import { scoreDataset } from './rank-sim'
import { parseSpec } from './rank-spec'

export type CvTask = { spec: string; dataset: string; seeds: number }

const datasets = new Map((loadScreeningDatasets() ?? []).map((dataset) => [dataset.name, dataset]))
process.on('message', (task: CvTask) => {
  const dataset = datasets.get(task.dataset)
  if (!dataset) throw new Error(`no dataset ${task.dataset}`)
  process.send?.({ ...task, score: scoreDataset(dataset, parseSpec(task.spec), task.seeds) })
})
process.send?.('ready')
