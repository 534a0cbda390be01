// `npm run bench:rank` (npx tsx bench/run-rank.ts): screening prioritisation on ../shared/datasets/screening beside
// ASReview's defaults, and retrain + rank speed. `npm run bench:rank -- --cv` reruns the cross-validation over
// datasets that chose the settings. Results: bench/results/rank.json, bench/results/rank-cv.json.
import { runRankBench } from './rank'

await runRankBench(process.argv.slice(2))
