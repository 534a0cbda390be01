// `npm run bench:import`: core import speed on the corpus and on generated 100,000-record files, with citation-js
// as the peer in the same run. Results: bench/results/import.json. The core runs bundled, as the app ships it.
import { importBundled } from './bundled'
import type * as ImportBench from './import'

const bench = await importBundled<typeof ImportBench>('import.ts')
await bench.runImportBench()
