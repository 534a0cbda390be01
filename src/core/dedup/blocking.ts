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

/**
 * The candidate pairs, and `scoringOrder`: their positions in `pairs`, ordered by where the pair's first record
 * comes in title order. Scoring in that order compares title neighbours one after another, while their keys are
 * still in the processor's cache; in pair-number order the second record of each pair is anywhere in memory (on
 * 100,000 records, scoring took a quarter less time this way).
 */
export type Candidates = { pairs: CandidatePairs; scoringOrder: Uint32Array }

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
 * at the first neighbour that fails. `order` is `orderByKey(keys)`.
 */
function titlePass(
  keys: readonly string[],
  order: readonly number[],
  pairs: PairCodes,
  window: number,
): void {
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
 * Every record index ordered by `keys` (empty keys first), ties in the order of `ties`, a permutation of all
 * indices: a stable sort on top of an earlier one. Sorting by (block, title) this way builds no composite string
 * per record, which at 100,000 records cost more in garbage collection than the sort itself.
 */
function orderThenBy(keys: readonly string[], ties: readonly number[]): number[] {
  const permuted = ties.map((i) => keys[i] ?? '')
  const order = ties.filter((_, at) => !permuted[at])
  for (const at of orderByKey(permuted)) order.push(ties[at] as number)
  return order
}

/**
 * Sorted neighbourhood within blocks: within a block records follow the order of `within` (a permutation of all
 * indices), and each is compared with the following ones of the same block, up to the window. Records with an empty
 * block take no part. Blocks are gathered in one pass over `within` rather than sorted: a block's members arrive in
 * order, and the order of the blocks among themselves does not matter.
 */
function blockPass(
  blocks: readonly string[],
  within: readonly number[],
  pairs: PairCodes,
  window: number,
): void {
  // Most blocks hold one record: it is kept as a number, and only a second member makes an array.
  const members = new Map<string, number | number[]>()
  for (const i of within) {
    const block = blocks[i]
    if (!block) continue
    const found = members.get(block)
    if (found === undefined) members.set(block, i)
    else if (typeof found === 'number') members.set(block, [found, i])
    else found.push(i)
  }
  for (const group of members.values()) {
    if (typeof group === 'number') continue
    for (let at = 0; at < group.length; at++)
      for (let next = at + 1; next < group.length && next <= at + window; next++)
        pairs.add(group[at] as number, group[next] as number)
  }
}

/** Every candidate pair of records worth scoring, found by the passes described above. */
export function candidatePairs(keys: readonly MatchKeys[], window = defaultWindow): Candidates {
  const pairs = new PairCodes(keys.length)
  const titles = keys.map((key) => key.titleKey)
  const titleOrder = orderByKey(titles)
  // Every record, untitled ones first: the order within a block.
  const byTitle = titles.flatMap((title, i) => (title ? [] : [i])).concat(titleOrder)
  // Identifier groups are compared in title order within the window: a DOI shared by a whole supplement of
  // conference abstracts must not turn into a quadratic block.
  blockPass(
    keys.map((key) => key.doi),
    byTitle,
    pairs,
    window,
  )
  blockPass(
    keys.map((key) => key.pmid),
    byTitle,
    pairs,
    window,
  )
  blockPass(
    keys.map((key) => key.pmcid),
    byTitle,
    pairs,
    window,
  )
  titlePass(titles, titleOrder, pairs, window)
  const reversedTitles = titles.map(reversed)
  titlePass(reversedTitles, orderByKey(reversedTitles), pairs, window)
  blockPass(
    keys.map((key) => (key.firstAuthor && key.year !== null ? `${key.firstAuthor}|${key.year}` : '')),
    byTitle,
    pairs,
    window,
  )
  blockPass(
    keys.map((key) => (key.volume && key.firstPage ? `${key.volume}|${key.firstPage}` : '')),
    orderThenBy(
      keys.map((key) => (key.year === null ? '' : String(key.year))),
      byTitle,
    ),
    pairs,
    window,
  )
  const unique = pairs.sortedUnique()
  return { pairs: unique, scoringOrder: localityOrder(unique, keys.length, byTitle) }
}

/** See `Candidates`: positions of `pairs` by the title-order place of their earlier record, ties in pair order. */
function localityOrder(pairs: CandidatePairs, count: number, byTitle: readonly number[]): Uint32Array {
  const place = new Int32Array(count)
  byTitle.forEach((index, at) => {
    place[index] = at
  })
  // Place and position packed into one exact number (below 2^53 for any project that fits in memory), sorted.
  const codes = new Float64Array(pairs.length)
  for (let at = 0; at < pairs.length; at++) {
    const [i, j] = decodePair(pairs[at] as number, count)
    codes[at] = Math.min(place[i] as number, place[j] as number) * pairs.length + at
  }
  codes.sort()
  const order = new Uint32Array(pairs.length)
  for (let at = 0; at < codes.length; at++) order[at] = (codes[at] as number) % pairs.length
  return order
}
