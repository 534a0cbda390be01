import type { DedupFindings } from '../../db/repos/dedup'

const plural = (count: number, word: string) =>
  `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`

/** One sentence on what a duplicate check found, for the Deduplicate and Import pages. */
export function describeFindings({
  recordCount,
  certain,
  merged,
  uncertain,
}: DedupFindings & { recordCount: number }) {
  const auto = merged > 0 ? ` (${merged} merged automatically)` : ''
  return (
    `Compared ${plural(recordCount, 'record')}: ${plural(certain, 'certain duplicate cluster')}${auto} and ` +
    `${plural(uncertain, 'possible duplicate')} to review.`
  )
}
