// `npm run bench:import`: core import speed on the corpus and on generated 100,000-record files, with citation-js
// as the peer in the same run. Results: bench/results/import.json.
//
// The core is bundled first, the way the app ships it (one scope-hoisted module per worker). Run straight through
// tsx, every call between two source modules goes through a getter that tsx's module interop adds, and in the Web
// of Science profile those getters were 6% of the samples: a cost of the loader, not of the parsers.
import { build } from 'esbuild'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as ImportBench from './import'

const outfile = path.resolve('node_modules/.cache/sift-bench/import.mjs')
await build({
  entryPoints: [path.resolve('bench/import.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
})
const bench = (await import(pathToFileURL(outfile).href)) as typeof ImportBench
await bench.runImportBench()
