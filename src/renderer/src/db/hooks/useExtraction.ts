import { useLiveQuery } from 'dexie-react-hooks'

import { db } from '../db'
import type { Extraction, ExtractionForm } from '../schema'

/** Every version of the project's extraction form, oldest first. */
export function useFormVersions(projectId: string): ExtractionForm[] | undefined {
  return useLiveQuery(
    async () =>
      (await db.extractionForms.where('projectId').equals(projectId).toArray()).sort(
        (a, b) => a.version - b.version,
      ),
    [projectId],
  )
}

/** One reviewer's extraction of a record; null when there is none yet. */
export function useExtraction(recordId: string, reviewerId: string): Extraction | null | undefined {
  return useLiveQuery(
    async () =>
      (await db.extractions.where('[recordId+reviewerId]').equals([recordId, reviewerId]).first()) ?? null,
    [recordId, reviewerId],
  )
}

/** Every extraction of a record: each reviewer's and the consensus. */
export function useRecordExtractions(recordId: string | null): Extraction[] | undefined {
  return useLiveQuery(
    async () => (recordId ? await db.extractions.where('recordId').equals(recordId).toArray() : []),
    [recordId],
  )
}

/** Every extraction of the project (for the study list's status and the comparison). */
export function useProjectExtractions(projectId: string): Extraction[] | undefined {
  return useLiveQuery(() => db.extractions.where('projectId').equals(projectId).toArray(), [projectId])
}
