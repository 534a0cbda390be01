import type { EvidenceRow } from './evidence-table'
import type { ForestStudy } from './forest'

/**
 * The studies of one forest plot: rows of a modality, outcome and timepoint that give events/total, one line per
 * study arm (labelled with the arm when a study has several).
 */
export function forestStudies(
  rows: readonly EvidenceRow[],
  modality: string,
  outcome: string,
  timepoint: string,
): ForestStudy[] {
  const matching = rows.filter(
    (row) =>
      row.modality === modality &&
      row.outcome === outcome &&
      row.timepoint === timepoint &&
      row.events !== null &&
      row.total !== null,
  )
  const armsPerStudy = new Map<string, number>()
  for (const row of matching) armsPerStudy.set(row.studyId, (armsPerStudy.get(row.studyId) ?? 0) + 1)
  return matching.map((row) => ({
    label: (armsPerStudy.get(row.studyId) ?? 0) > 1 ? `${row.studyId} (${row.arm})` : row.studyId,
    events: row.events ?? 0,
    total: row.total ?? 0,
  }))
}
