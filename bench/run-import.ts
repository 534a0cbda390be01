// `npm run bench:import`: core import speed on the corpus and on generated 100,000-record files, with citation-js
// as the peer in the same run. Results: bench/results/import.json.
import { runImportBench } from './import'

await runImportBench()
