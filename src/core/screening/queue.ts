/** How the screening queue is ordered. */
export type QueueOrder =
  | { kind: 'file' }
  /** Stable pseudo-random order; the same seed (e.g. project id + reviewer id) gives the same order every session. */
  | { kind: 'random'; seed: string }
  /** Highest score first (from the prioritisation ranker); records without a score go last. */
  | { kind: 'relevance'; scores: ReadonlyMap<string, number> }
  /**
   * A ranking already made (by the prioritisation worker): these ids first, in this order; records not in it
   * follow in file order. Linear time, so a 100,000-record queue re-orders without a sort on the UI thread.
   */
  | { kind: 'ranked'; rankedIds: readonly string[] }

/**
 * mulberry32: a tiny, fast 32-bit PRNG with good enough statistical quality for shuffling. Returns numbers in
 * [0, 1). Not for anything security-related.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units; a seed for {@link mulberry32}. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/**
 * Orders record ids for screening. `file` keeps the given order. `random` gives each record a pseudo-random key
 * from (seed, record id) rather than shuffling the list, so a record's place does not move when records are added
 * or removed, and the order is the same between sessions and machines. `relevance` sorts by descending score;
 * missing or NaN scores go last; ties keep file order. Returns a new array; duplicates are kept as given.
 */
export function orderQueue(recordIds: readonly string[], order: QueueOrder): string[] {
  if (order.kind === 'file') return [...recordIds]
  if (order.kind === 'ranked') return followRanking(recordIds, order.rankedIds)
  const keyed = recordIds.map((id, index) => ({ id, index, key: sortKey(id, order) }))
  keyed.sort((a, b) => b.key - a.key || a.index - b.index)
  return keyed.map((entry) => entry.id)
}

function followRanking(recordIds: readonly string[], rankedIds: readonly string[]): string[] {
  const present = new Set(recordIds)
  const placed = new Set<string>()
  const queue: string[] = []
  for (const id of rankedIds) {
    if (!present.has(id) || placed.has(id)) continue
    placed.add(id)
    queue.push(id)
  }
  for (const id of recordIds) if (!placed.has(id)) queue.push(id)
  return queue
}

function sortKey(id: string, order: Exclude<QueueOrder, { kind: 'file' | 'ranked' }>): number {
  if (order.kind === 'random') return mulberry32(hashString(`${order.seed}\u0000${id}`))()
  const score = order.scores.get(id)
  return score === undefined || Number.isNaN(score) ? Number.NEGATIVE_INFINITY : score
}

/**
 * Index of the next record to screen: the first undecided one at or after `fromIndex`, wrapping around to the
 * start so records skipped earlier are not forgotten. Returns -1 when every record is decided.
 */
export function nextUndecided(
  queue: readonly string[],
  isDecided: (recordId: string) => boolean,
  fromIndex = 0,
): number {
  const length = queue.length
  if (length === 0) return -1
  const start = ((Math.trunc(fromIndex) % length) + length) % length
  for (let step = 0; step < length; step++) {
    const index = (start + step) % length
    const id = queue[index]
    if (id !== undefined && !isDecided(id)) return index
  }
  return -1
}
