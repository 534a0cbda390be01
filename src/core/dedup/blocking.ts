import { orderByKey } from './key-order'
import type { MatchKeys } from './keys'

/**
 * Candidate generation. Comparing every pair is n²; instead records are compared only with their neighbours in a
 * few sort orders (sorted neighbourhood, Hernández & Stolfo) and within exact-identifier groups, so the cost is
 * O(n log n) for the sorts plus O(n × window) comparisons. Each pass catches what the others miss:
 * - same DOI / PMID / PMCID;
 * - title key, and the title key reversed (a difference in the first words: a bracketed translation, a typo);
 * - first author + year, then title (a title rewritten by one database);
 * - volume + first page, then year (a title missing or in another language).
 */

/** How many following records each record is compared with in a sort order; 12 covers clusters of a dozen copies. */
const defaultWindow = 12

/**
 * Candidate pairs as one number each (`i * n + j`, i < j), ascending, each once: a pair found by two passes is
 * compared once. A typed array rather than a `Set`: from about 46,000 records the codes no longer fit a small
 * integer, and a `Set` then boxes every one of them (a heap number per pair, and hashing of doubles).
 */
export type CandidatePairs = Float64Array

/** Pair codes as the passes find them, duplicates included; `sortedUnique` turns them into `CandidatePairs`. */
class PairCodes {
  private codes = new Float64Array(1 << 12)
  private length = 0

  constructor(private readonly count: number) {}

  add(i: number, j: number): void {
    if (i === j) return
    if (this.length === this.codes.length) {
      const grown = new Float64Array(this.codes.length * 2)
      grown.set(this.codes)
      this.codes = grown
    }
    this.codes[this.length++] = i < j ? i * this.count + j : j * this.count + i
  }

  sortedUnique(): CandidatePairs {
    const codes = this.codes.subarray(0, this.length).sort()
    let unique = 0
    for (let at = 0; at < codes.length; at++) {
      const code = codes[at] as number
      if (unique === 0 || code !== codes[unique - 1]) codes[unique++] = code
    }
    return codes.slice(0, unique)
  }
}

/** Decodes a pair number from `candidatePairs` into its two record indices. */
export function decodePair(pair: number, count: number): [number, number] {
  const i = Math.floor(pair / count)
  return [i, pair - i * count]
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length)
  let at = 0
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++
  return at
}

/** `text` with its UTF-16 code units in reverse order: the sort key of the reversed-title pass. */
function reversed(text: string): string {
  // Spreading a very long array into one call would overflow the stack; titles that long are rare.
  if (text.length > 4096) return text.split('').reverse().join('')
  const codes = new Array<number>(text.length)
  for (let at = 0; at < text.length; at++) codes[at] = text.charCodeAt(text.length - 1 - at)
  return String.fromCharCode(...codes)
}

/**
 * Sorted neighbourhood on a title-like key: compare each record with the following ones while they share at least
 * half of the shorter key as a prefix. Sorted order makes the shared prefix shrink monotonically, so the scan stops
 * at the first neighbour that fails.
 */
function titlePass(keys: readonly string[], pairs: PairCodes, window: number): void {
  const order = orderByKey(keys)
  for (let at = 0; at < order.length; at++) {
    const i = order[at] ?? 0
    const key = keys[i] ?? ''
    for (let next = at + 1; next < order.length && next <= at + window; next++) {
      const j = order[next] ?? 0
      const other = keys[j] ?? ''
      const shared = commonPrefixLength(key, other)
      if (shared < 6 || shared * 2 < Math.min(key.length, other.length)) break
      pairs.add(i, j)
    }
  }
}

/**
 * Sorted neighbourhood within blocks: records sorted by `block` then `within`; each is compared with the following
 * ones of the same block, up to the window. Records with an empty block take no part.
 */
function blockPass(
  blocks: readonly string[],
  within: readonly string[],
  pairs: PairCodes,
  window: number,
): void {
  // The first 32 characters order a block well enough for a window of 12, and sort much faster than whole titles.
  const composite = blocks.map((block, i) => (block ? `${block}\u0000${(within[i] ?? '').slice(0, 32)}` : ''))
  const order = orderByKey(composite)
  for (let at = 0; at < order.length; at++) {
    const i = order[at] ?? 0
    for (let next = at + 1; next < order.length && next <= at + window; next++) {
      const j = order[next] ?? 0
      if (blocks[j] !== blocks[i]) break
      pairs.add(i, j)
    }
  }
}

/** Every candidate pair of records worth scoring, found by the passes described above. */
export function candidatePairs(keys: readonly MatchKeys[], window = defaultWindow): CandidatePairs {
  const pairs = new PairCodes(keys.length)
  const titles = keys.map((key) => key.titleKey)
  // Identifier groups are compared in title order within the window: a DOI shared by a whole supplement of
  // conference abstracts must not turn into a quadratic block.
  blockPass(
    keys.map((key) => key.doi),
    titles,
    pairs,
    window,
  )
  blockPass(
    keys.map((key) => key.pmid),
    titles,
    pairs,
    window,
  )
  blockPass(
    keys.map((key) => key.pmcid),
    titles,
    pairs,
    window,
  )
  titlePass(titles, pairs, window)
  titlePass(titles.map(reversed), pairs, window)
  blockPass(
    keys.map((key) => (key.firstAuthor && key.year !== null ? `${key.firstAuthor}|${key.year}` : '')),
    titles,
    pairs,
    window,
  )
  blockPass(
    keys.map((key) => (key.volume && key.firstPage ? `${key.volume}|${key.firstPage}` : '')),
    keys.map((key) => `${key.year ?? ''}|${key.titleKey}`),
    pairs,
    window,
  )
  return pairs.sortedUnique()
}
