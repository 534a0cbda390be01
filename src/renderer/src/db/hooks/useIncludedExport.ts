import type { CsvValue } from '../../../../core/export/csv'
import type { ExtraColumns } from '../../../../core/export/records-csv'
import { computeScreeningStatus } from '../../../../core/screening/status'
import { db } from '../db'
import type { StoredRecord } from '../schema'
import { loadTagLabels } from './useTagging'

/** The included records with their settled decisions, exclusion reason and tags as extra CSV columns. */
export async function loadIncludedExport(
  projectId: string,
  includedIds: readonly string[],
): Promise<{ records: StoredRecord[]; extra: ExtraColumns<StoredRecord> }> {
  const records = (await db.records.bulkGet([...includedIds])).filter((record) => record !== undefined)
  const status = computeScreeningStatus(
    await db.decisions.where('projectId').equals(projectId).toArray(),
    await db.resolutions.where('projectId').equals(projectId).toArray(),
  )
  const tags = await loadTagLabels(projectId)
  return {
    records,
    extra: {
      columns: ['title_abstract_decision', 'full_text_decision', 'modality', 'design'],
      values: (record): Record<string, CsvValue> => ({
        title_abstract_decision: status.byStage['title-abstract'].get(record.id)?.outcome ?? 'undecided',
        full_text_decision: status.byStage['full-text'].get(record.id)?.outcome ?? 'undecided',
        modality: tags.get(record.id)?.modality ?? [],
        design: tags.get(record.id)?.design ?? [],
      }),
    },
  }
}
