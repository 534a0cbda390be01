import { useLiveQuery } from 'dexie-react-hooks'

import { db } from '../db'
import type { ImportBatch } from '../schema'

/** The project's import history, newest first; `undefined` while loading. */
export function useImportBatches(projectId: string): ImportBatch[] | undefined {
  return useLiveQuery(
    async () => (await db.importBatches.where('projectId').equals(projectId).sortBy('createdAt')).reverse(),
    [projectId],
  )
}

/** How many records the project holds (a count, never the rows). */
export function useRecordCount(projectId: string): number | undefined {
  return useLiveQuery(() => db.records.where('projectId').equals(projectId).count(), [projectId])
}
