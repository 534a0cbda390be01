// `npm run bench:dedup` (npx tsx bench/run-dedup.ts): deduplication accuracy on ../shared/datasets/dedup and speed on
// 10,000 / 100,000 generated records. Results: bench/results/dedup.json. The core runs bundled, as the app ships it.
import { importBundled } from './bundled'
import type * as DedupBench from './dedup'

const bench = await importBundled<typeof DedupBench>('dedup.ts')
bench.runDedupBench()
