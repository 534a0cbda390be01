import { useLiveQuery } from 'dexie-react-hooks'

import { armsField } from '../../../../core/extraction/form'
import { prismaScreeningCounts } from '../../../../core/screening/progress'
import { computeScreeningStatus, outcomeOf } from '../../../../core/screening/status'
import { evidenceTableRows, type EvidenceRow } from '../../../../core/synthesis/evidence-table'
import { prismaCounts, type PrismaCounts } from '../../../../core/synthesis/prisma'
import { chooseExtractions } from '../../../../core/synthesis/select'
import type { StudyInfo } from '../../../../core/synthesis/types'
import { db } from '../db'
import type { Extraction, StoredRecord } from '../schema'
import { loadMergedAwayIds } from './useDedup'
import { loadTagLabels } from './useTagging'

/** Everything the Summarise & export page shows, assembled from the project's own tables. */
export type EvidenceData = {
  rows: EvidenceRow[]
  studies: StudyInfo[]
  /** Modality term id → label, for arms whose modality is a taxonomy term. */
  labels: Record<string, string>
  prisma: PrismaCounts
  includedIds: string[]
}

async function studySize(extraction: Extraction): Promise<number | null> {
  const form = await db.extractionForms.get(
    `${extraction.projectId}:${extraction.formId}@v${extraction.formVersion}`,
  )
  const fieldId = form ? armsField(form.definition)?.studyTotalFieldId : undefined
  const value = fieldId ? extraction.values[fieldId] : undefined
  return typeof value === 'number' ? value : null
}

function studyInfo(
  record: StoredRecord,
  n: number | null,
  tags: { modality: string[]; design: string[] } | undefined,
): StudyInfo {
  const firstAuthor = record.authors[0]?.family ?? ''
  return {
    recordId: record.id,
    studyId: [firstAuthor, record.year].filter(Boolean).join(' ') || record.title.slice(0, 40),
    firstAuthor,
    year: record.year,
    n,
    design: tags?.design[0] ?? '',
    modalities: tags?.modality ?? [],
  }
}

async function sourceCounts(projectId: string) {
  const batches = await db.importBatches.where('projectId').equals(projectId).toArray()
  const bySource = new Map<string, number>()
  for (const batch of batches.filter((row) => row.status === 'committed')) {
    bySource.set(batch.source || 'Unknown source', (bySource.get(batch.source) ?? 0) + batch.recordCount)
  }
  return [...bySource].map(([source, records]) => ({ source, records }))
}

/**
 * Loads the evidence of a project: one extraction per study (consensus first), its outcome rows, the included
 * studies with their tags, and the PRISMA counts.
 */
export async function loadEvidence(projectId: string): Promise<EvidenceData> {
  const [extractions, outcomes, decisions, resolutions, allRecordIds, taxonomies, mergedAway] =
    await Promise.all([
      db.extractions.where('projectId').equals(projectId).toArray(),
      db.outcomes.where('projectId').equals(projectId).toArray(),
      db.decisions.where('projectId').equals(projectId).toArray(),
      db.resolutions.where('projectId').equals(projectId).toArray(),
      db.records.where('projectId').equals(projectId).primaryKeys(),
      db.taxonomies.where('projectId').equals(projectId).toArray(),
      loadMergedAwayIds(projectId),
    ])
  // Records merged into another as duplicates are neither screened nor counted twice.
  const recordIds = allRecordIds.filter((id) => !mergedAway.has(id))
  const chosen = chooseExtractions(extractions)
  const chosenIds = new Set(chosen.map((extraction) => extraction.id))
  const status = computeScreeningStatus(decisions, resolutions)
  const included = new Set([
    ...recordIds.filter((id) => outcomeOf(status, id, 'full-text') === 'include'),
    ...chosen.map((extraction) => extraction.recordId),
  ])
  const records = (await db.records.bulkGet([...included])).filter((record) => record !== undefined)
  const tags = await loadTagLabels(projectId)
  const sizes = new Map(
    await Promise.all(chosen.map(async (row) => [row.recordId, await studySize(row)] as const)),
  )
  const studies = records.map((record) =>
    studyInfo(record, sizes.get(record.id) ?? null, tags.get(record.id)),
  )
  const modality = taxonomies.find((taxonomy) => taxonomy.kind === 'modality')
  const labels = Object.fromEntries((modality?.terms ?? []).map((term) => [term.id, term.label]))
  const rows = evidenceTableRows(
    outcomes.filter((row) => chosenIds.has(row.extractionId)),
    studies,
    labels,
  )
  const screening = prismaScreeningCounts({ recordIds, decisions, resolutions })
  const prisma = prismaCounts({
    sources: await sourceCounts(projectId),
    duplicatesRemoved: mergedAway.size,
    screening,
  })
  return { rows, studies, labels, prisma, includedIds: [...included] }
}

/** The project's evidence, kept current as data changes; undefined while loading. */
export function useEvidence(projectId: string): EvidenceData | undefined {
  return useLiveQuery(() => loadEvidence(projectId), [projectId])
}
