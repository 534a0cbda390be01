import type { TextIndex } from '../text-index'

/** The dot product of two rows of the index (their cosine similarity: rows are unit length). */
export function rowDot(index: TextIndex, a: number, b: number): number {
  const of = new Map<number, number>()
  for (let at = index.rowStart[a] ?? 0; at < (index.rowStart[a + 1] ?? 0); at++)
    of.set(index.columns[at] ?? 0, index.values[at] ?? 0)
  let sum = 0
  for (let at = index.rowStart[b] ?? 0; at < (index.rowStart[b + 1] ?? 0); at++)
    sum += (of.get(index.columns[at] ?? 0) ?? 0) * (index.values[at] ?? 0)
  return sum
}
