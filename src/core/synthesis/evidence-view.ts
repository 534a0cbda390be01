import type { EvidenceRow } from './evidence-table'

export type EvidenceFilter = { modality: string; design: string; outcome: string; text: string }

export const noEvidenceFilter: EvidenceFilter = { modality: '', design: '', outcome: '', text: '' }

/** Rows matching every set filter: exact modality, design and outcome; words anywhere in study, arm or criteria. */
export function filterEvidence(rows: readonly EvidenceRow[], filter: EvidenceFilter): EvidenceRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean)
  return rows.filter((row) => {
    if (filter.modality && row.modality !== filter.modality) return false
    if (filter.design && row.design !== filter.design) return false
    if (filter.outcome && row.outcome !== filter.outcome) return false
    if (words.length === 0) return true
    const text =
      `${row.studyId} ${row.firstAuthor} ${row.arm} ${row.outcomeLabel} ${row.criteria}`.toLowerCase()
    return words.every((word) => text.includes(word))
  })
}

/**
 * Rows sorted by one column. Numbers sort numerically and text by locale; empty values always go last, whichever
 * the direction, so a descending sort shows the largest values first rather than the blanks.
 */
export function sortEvidence(
  rows: readonly EvidenceRow[],
  field: keyof EvidenceRow,
  isDescending: boolean,
): EvidenceRow[] {
  const direction = isDescending ? -1 : 1
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[field]
      const y = b.row[field]
      const xEmpty = x === null || x === ''
      const yEmpty = y === null || y === ''
      if (xEmpty || yEmpty) return xEmpty === yEmpty ? a.index - b.index : xEmpty ? 1 : -1
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
      return order * direction || a.index - b.index
    })
    .map(({ row }) => row)
}

/** The distinct values of a column, sorted, for filter menus. */
export function distinctValues(
  rows: readonly EvidenceRow[],
  field: 'modality' | 'design' | 'outcome',
): string[] {
  return [...new Set(rows.map((row) => row[field]).filter(Boolean))].sort((a, b) => a.localeCompare(b))
}
