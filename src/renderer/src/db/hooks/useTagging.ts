import { useLiveQuery } from 'dexie-react-hooks'

import { db } from '../db'
import type { RecordTag, Taxonomy } from '../schema'

/** The project's modality and design taxonomies (undefined while loading; a missing one is null). */
export function useTaxonomies(
  projectId: string,
): { modality: Taxonomy | null; design: Taxonomy | null } | undefined {
  return useLiveQuery(async () => {
    const rows = await db.taxonomies.where('projectId').equals(projectId).toArray()
    return {
      modality: rows.find((row) => row.kind === 'modality') ?? null,
      design: rows.find((row) => row.kind === 'design') ?? null,
    }
  }, [projectId])
}

/** Every taxonomy tag decision of the project (accepted and rejected), for views, filters and the matrix. */
export function useProjectTaxonomyTags(projectId: string): RecordTag[] | undefined {
  return useLiveQuery(
    async () =>
      (await db.recordTags.where('projectId').equals(projectId).toArray()).filter(
        (row) => row.taxonomyId !== undefined,
      ),
    [projectId],
  )
}

/** Labels of the accepted modality and design tags of every tagged record, for exports and views. */
export async function loadTagLabels(
  projectId: string,
): Promise<Map<string, { modality: string[]; design: string[] }>> {
  const taxonomies = await db.taxonomies.where('projectId').equals(projectId).toArray()
  const tags = await db.recordTags.where('projectId').equals(projectId).toArray()
  const byRecord = new Map<string, { modality: string[]; design: string[] }>()
  for (const tag of tags) {
    const taxonomy = taxonomies.find((row) => row.id === tag.taxonomyId)
    if (!tag.confirmed || !taxonomy || taxonomy.kind === 'custom') continue
    const label = taxonomy.terms?.find((term) => term.id === tag.tagId)?.label ?? tag.tagId
    const entry = byRecord.get(tag.recordId) ?? { modality: [], design: [] }
    entry[taxonomy.kind].push(label)
    byRecord.set(tag.recordId, entry)
  }
  return byRecord
}
