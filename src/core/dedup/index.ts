// The public surface of deduplication: what the renderer's worker, the CLI and the benchmark use.
export {
  findDuplicates,
  type DedupInput,
  type DedupOptions,
  type DedupProgress,
  type DedupResult,
  type UncertainPair,
} from './find-duplicates'
export { mergeRecords, type MergedRecord } from './merge'
export { comparePair, titleSimilarity, type PairScore, type PairVerdict } from './score'
export { matchKeys, type MatchKeys } from './keys'
