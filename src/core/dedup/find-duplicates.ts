import type { CitationRecord } from '../records/record'
import { candidatePairs, decodePair } from './blocking'
import { clusterLinks, type Link } from './cluster'
import { matchKeys, type MatchKeys } from './keys'
import { comparePair, titleSimilarity, type PairScore } from './score'

/** One record to deduplicate, with the caller's id (a database key, a CSV id column, a position). */
export type DedupInput = { id: string; record: CitationRecord }

/** A pair for the review queue: likely the same paper, not certain enough to merge automatically. */
export type UncertainPair = { ids: [string, string]; score: number; reason: string }

/**
 * `clusters`: groups of two or more records that are the same paper with certainty (merge automatically), ids in
 * input order, clusters in order of their first record. `uncertain`: pairs for review, best score first, at most one
 * per pair of clusters, never inside one cluster.
 */
export type DedupResult = { clusters: string[][]; uncertain: UncertainPair[] }

/** Where `findDuplicates` is: `done` of `total` steps in the named phase. */
export type DedupProgress = {
  phase: 'keys' | 'candidates' | 'scoring' | 'clustering'
  done: number
  total: number
}

export type DedupOptions = {
  onProgress?: (progress: DedupProgress) => void
  /** Pairs the reviewer marked "not duplicates": never merged, never queued again. */
  notDuplicates?: readonly (readonly [string, string])[]
  /** Uncertain pairs scoring below this are dropped from the queue (0–1, default 0.7). */
  minUncertainScore?: number
}

/** How often (in records or pairs) progress is reported: often enough for a progress bar, rarely enough to be free. */
const progressStep = 20_000

/** A link with the reason its pair was judged a (possible) duplicate, shown in the review queue. */
type ReasonedLink = Link & { reason: string }

/**
 * Finds duplicate records: match keys per record, candidate pairs by blocking (~n log n), a score and verdict per
 * pair with trap guards (errata, retractions, replies, conference abstracts, translations, numbered series), then
 * union-find over the certain pairs with a guard against chaining. Pure and synchronous; run it in a worker for
 * large projects. Ids must be unique; records keep their input order in the result.
 */
export function findDuplicates(records: readonly DedupInput[], options: DedupOptions = {}): DedupResult {
  const { onProgress, minUncertainScore = 0.7 } = options
  const count = records.length
  const keys: MatchKeys[] = []
  for (let i = 0; i < count; i++) {
    keys.push(matchKeys((records[i] as DedupInput).record))
    if (onProgress && i % progressStep === 0) onProgress({ phase: 'keys', done: i, total: count })
  }
  flagSharedDois(keys)
  onProgress?.({ phase: 'candidates', done: 0, total: 1 })
  const { pairs, scoringOrder } = candidatePairs(keys)
  const indexOf = new Map(records.map((record, index) => [record.id, index]))
  const forbidden = new Set<number>()
  for (const [x, y] of options.notDuplicates ?? []) {
    const i = indexOf.get(x)
    const j = indexOf.get(y)
    if (i !== undefined && j !== undefined) forbidden.add(i < j ? i * count + j : j * count + i)
  }
  // Pairs are scored in the blocking's locality order, and what is not distinct is kept by the pair's position, so
  // the links below follow pair order whatever order they were scored in: clustering depends on that order.
  const scored: (PairScore | undefined)[] = []
  scored.length = pairs.length
  let done = 0
  for (const at of scoringOrder) {
    if (onProgress && ++done % progressStep === 0) onProgress({ phase: 'scoring', done, total: pairs.length })
    const pair = pairs[at] as number
    if (forbidden.size > 0 && forbidden.has(pair)) continue
    const [i, j] = decodePair(pair, count)
    const result = comparePair(keys[i] as MatchKeys, keys[j] as MatchKeys)
    if (result.verdict !== 'distinct') scored[at] = result
  }
  // Each link carries its reason: a map keyed by pair number would hash a heap number per pair from about 46,000
  // records on (the numbers no longer fit a small integer), which made scoring grow faster than the pair count.
  const certain: ReasonedLink[] = []
  const possible: ReasonedLink[] = []
  for (let at = 0; at < pairs.length; at++) {
    const result = scored[at]
    if (!result) continue
    const [i, j] = decodePair(pairs[at] as number, count)
    const link = { a: i, b: j, score: result.score, reason: result.reason }
    if (result.verdict === 'duplicate') certain.push(link)
    else if (result.score >= minUncertainScore) possible.push(link)
  }
  onProgress?.({ phase: 'clustering', done: 0, total: 1 })
  // Members of two clusters about to join must be duplicates by themselves, or at least plausible duplicates with
  // similar titles: a shared DOI alone (a supplement's DOI on every abstract in it) is what chains different papers
  // together.
  const isCompatible = (i: number, j: number): boolean => {
    if (forbidden.has(i < j ? i * count + j : j * count + i)) return false
    const a = keys[i] as MatchKeys
    const b = keys[j] as MatchKeys
    const verdict = comparePair(a, b).verdict
    if (verdict === 'duplicate') return true
    const title = titleSimilarity(a, b)
    return (title < 0 || title >= 0.8) && verdict !== 'distinct'
  }
  const { clusterOf, refused } = clusterLinks(count, certain, isCompatible)
  const result = {
    clusters: collectClusters(records, clusterOf),
    uncertain: collectUncertain(records, clusterOf, [...possible, ...refused], minUncertainScore),
  }
  onProgress?.({ phase: 'clustering', done: 1, total: 1 })
  return result
}

/**
 * Flags DOIs that several different papers carry (a supplement or proceedings DOI on every abstract in it, a book
 * DOI on every chapter): such a DOI cannot by itself tie a title-less record to any of them. Mutates `keys`.
 */
function flagSharedDois(keys: MatchKeys[]): void {
  const byDoi = new Map<string, number[]>()
  keys.forEach((key, index) => {
    if (!key.doi) return
    const group = byDoi.get(key.doi)
    if (group) group.push(index)
    else byDoi.set(key.doi, [index])
  })
  for (const group of byDoi.values()) {
    if (group.length < 2) continue
    const titled = group.map((index) => keys[index] as MatchKeys).filter((key) => key.titleKey)
    const first = titled[0]
    if (!first || titled.every((key) => titleSimilarity(first, key) >= 0.6)) continue
    for (const index of group) (keys[index] as MatchKeys).isDoiShared = true
  }
}

function collectClusters(records: readonly DedupInput[], clusterOf: Int32Array): string[][] {
  const byRoot = new Map<number, string[]>()
  for (let i = 0; i < records.length; i++) {
    const root = clusterOf[i] ?? i
    const list = byRoot.get(root)
    const id = (records[i] as DedupInput).id
    if (list) list.push(id)
    else byRoot.set(root, [id])
  }
  // Map iteration follows first insertion, which is the order of each cluster's first record.
  return [...byRoot.values()].filter((ids) => ids.length > 1)
}

function collectUncertain(
  records: readonly DedupInput[],
  clusterOf: Int32Array,
  links: readonly ReasonedLink[],
  minScore: number,
): UncertainPair[] {
  const count = records.length
  const best = new Map<number, ReasonedLink>()
  for (const link of links) {
    const rootA = clusterOf[link.a] ?? link.a
    const rootB = clusterOf[link.b] ?? link.b
    if (rootA === rootB || link.score < minScore) continue
    // One entry per pair of clusters: the reviewer decides about clusters, not about every member pair.
    const key = rootA < rootB ? rootA * count + rootB : rootB * count + rootA
    const current = best.get(key)
    if (!current || link.score > current.score) best.set(key, link)
  }
  return [...best.values()]
    .sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)
    .map((link) => ({
      ids: [(records[link.a] as DedupInput).id, (records[link.b] as DedupInput).id],
      score: Math.round(link.score * 1000) / 1000,
      reason: link.reason,
    }))
}
