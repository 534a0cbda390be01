// `npm run bench:dedup` (npx tsx bench/run-dedup.ts): deduplication accuracy on ../shared/datasets/dedup and speed on
// 10,000 / 100,000 generated records. Results: bench/results/dedup.json.
import { runDedupBench } from './dedup'

runDedupBench()
