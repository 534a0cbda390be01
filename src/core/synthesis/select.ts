/** The fields that decide which of several extractions of one study feeds the evidence. */
export type ExtractionChoice = {
  recordId: string
  reviewerId: string
  status: 'draft' | 'complete'
  updatedAt: string
}

/** The reviewer id under which a reconciled consensus of dual extraction is stored. */
export const consensusReviewer = 'consensus'

function rank(extraction: ExtractionChoice): number {
  if (extraction.reviewerId === consensusReviewer) return 2
  return extraction.status === 'complete' ? 1 : 0
}

/**
 * One extraction per study for the evidence table: the reconciled consensus when there is one, else a completed
 * extraction, else a draft; the most recently updated among equals (ties by reviewer id, so the choice is stable).
 */
export function chooseExtractions<T extends ExtractionChoice>(extractions: readonly T[]): T[] {
  const best = new Map<string, T>()
  for (const extraction of extractions) {
    const current = best.get(extraction.recordId)
    if (!current || compare(extraction, current) > 0) best.set(extraction.recordId, extraction)
  }
  return [...best.values()]
}

function compare(a: ExtractionChoice, b: ExtractionChoice): number {
  return (
    rank(a) - rank(b) || a.updatedAt.localeCompare(b.updatedAt) || b.reviewerId.localeCompare(a.reviewerId)
  )
}
