import { useLiveQuery } from 'dexie-react-hooks'

import { db } from '../db'
import type { ImportBatch } from '../schema'
import { loadMergedAwayIds } from './useDedup'

/** The project's import history, newest first; `undefined` while loading. */
export function useImportBatches(projectId: string): ImportBatch[] | undefined {
  return useLiveQuery(
    async () => (await db.importBatches.where('projectId').equals(projectId).sortBy('createdAt')).reverse(),
    [projectId],
  )
}

/** How many records the project holds, merged-away duplicates left out (a count, never the rows). */
export function useRecordCount(projectId: string): number | undefined {
  return useLiveQuery(async () => {
    const hidden = await loadMergedAwayIds(projectId)
    if (hidden.size === 0) return db.records.where('projectId').equals(projectId).count()
    const ids = await db.records.where('projectId').equals(projectId).primaryKeys()
    return ids.filter((id) => !hidden.has(id)).length
  }, [projectId])
}
