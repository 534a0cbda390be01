// `npm run bench:design` (npx tsx bench/run-design.ts): study-design classification on ../shared/datasets/design,
// text only. Results: bench/results/design.json.
import { runDesignBench } from './design'

runDesignBench()
