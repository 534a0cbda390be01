import type { TokenSet } from './text'

/**
 * String and set similarities used by pair scoring. All return a value in [0, 1], 1 meaning identical; all are
 * written to run millions of times (no allocation beyond one small typed array).
 */

/** Jaccard similarity of two sorted, de-duplicated integer sets; 0 when both are empty. */
export function jaccard(a: TokenSet, b: TokenSet): number {
  const shared = intersectionSize(a, b)
  const union = a.length + b.length - shared
  return union === 0 ? 0 : shared / union
}

/** Shared elements over the size of the smaller set (1 when one set contains the other); 0 when either is empty. */
export function overlap(a: TokenSet, b: TokenSet): number {
  const smaller = Math.min(a.length, b.length)
  return smaller === 0 ? 0 : intersectionSize(a, b) / smaller
}

/** Size of the intersection of two sorted integer sets, by merging. */
export function intersectionSize(a: TokenSet, b: TokenSet): number {
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0
    const y = b[j] ?? 0
    if (x === y) {
      shared++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return shared
}

let row = new Int32Array(256)

/**
 * 1 − Levenshtein distance / length of the longer string, computed only up to `1 − minRatio`: when the strings are
 * further apart than that, returns 0 early. The band (Ukkonen) keeps the cost at O(length × allowed edits) rather
 * than O(length²), which is what makes fuzzy title comparison affordable on 100,000 records.
 */
export function levenshteinRatio(a: string, b: string, minRatio = 0): number {
  if (a === b) return 1
  const longer = Math.max(a.length, b.length)
  if (longer === 0) return 1
  const maxEdits = Math.floor(longer * (1 - minRatio))
  if (Math.abs(a.length - b.length) > maxEdits) return 0
  const distance = boundedDistance(a, b, maxEdits)
  return distance > maxEdits ? 0 : 1 - distance / longer
}

/**
 * Levenshtein distance, or `limit + 1` as soon as every cell of a row exceeds `limit`. A prefix and a suffix the
 * strings share cost no edit, so only what lies between is computed: copies of a title, and different papers of
 * one series, mostly differ in a few words.
 */
function boundedDistance(a: string, b: string, limit: number): number {
  let start = 0
  const shorter = Math.min(a.length, b.length)
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--
    endB--
  }
  return bandedDistance(a, b, start, endA - start, endB - start, limit)
}

/**
 * The banded Levenshtein distance of `a` and `b` from `offset` on, `m` and `n` code units long, or `limit + 1` once
 * it must exceed `limit`.
 */
function bandedDistance(a: string, b: string, offset: number, m: number, n: number, limit: number): number {
  if (m === 0 || n === 0) return m + n
  if (row.length <= n) row = new Int32Array(n * 2 + 1)
  for (let j = 0; j <= n; j++) row[j] = j
  for (let i = 1; i <= m; i++) {
    let diagonal = row[0] ?? 0
    row[0] = i
    let rowMin = i
    const from = Math.max(1, i - limit)
    const to = Math.min(n, i + limit)
    // Cells outside the band stay "too far": mark the one left of the band so the first in-band cell sees it.
    if (from > 1) {
      diagonal = row[from - 1] ?? 0
      row[from - 1] = limit + 1
    }
    const code = a.charCodeAt(offset + i - 1)
    for (let j = from; j <= to; j++) {
      const above = row[j] ?? 0
      const cost = code === b.charCodeAt(offset + j - 1) ? 0 : 1
      const value = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost)
      diagonal = above
      row[j] = value
      if (value < rowMin) rowMin = value
    }
    if (to < n) row[to + 1] = limit + 1
    if (rowMin > limit) return limit + 1
  }
  return row[n] ?? limit + 1
}

/**
 * Jaro-Winkler similarity, for short strings such as family names (`Gronroos` / `Grönroos` folded, `Mueller` /
 * `Muller`). Prefix bonus 0.1 per shared leading character, up to four.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1
  if (a.length === 0 || b.length === 0) return 0
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1)
  const aMatched = new Uint8Array(a.length)
  const bMatched = new Uint8Array(b.length)
  let matches = 0
  for (let i = 0; i < a.length; i++) {
    const start = Math.max(0, i - window)
    const end = Math.min(b.length - 1, i + window)
    for (let j = start; j <= end; j++) {
      if (bMatched[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue
      aMatched[i] = 1
      bMatched[j] = 1
      matches++
      break
    }
  }
  if (matches === 0) return 0
  let transpositions = 0
  let k = 0
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue
    while (!bMatched[k]) k++
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++
    k++
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3
  let prefix = 0
  while (
    prefix < 4 &&
    prefix < a.length &&
    prefix < b.length &&
    a.charCodeAt(prefix) === b.charCodeAt(prefix)
  )
    prefix++
  return jaro + prefix * 0.1 * (1 - jaro)
}
