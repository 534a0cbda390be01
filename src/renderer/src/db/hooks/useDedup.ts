import { useLiveQuery } from 'dexie-react-hooks'

import { db } from '../db'
import { createDedupRepo, mergedAwayIds } from '../repos/dedup'
import type { Decision, DuplicateCluster } from '../schema'

const dedup = createDedupRepo(db)

/**
 * Ids of the project's records merged away into another record. Lists leave them out; read inside a live query,
 * so a merge or an undo refreshes every list.
 */
export function loadMergedAwayIds(projectId: string): Promise<Set<string>> {
  return mergedAwayIds(db, projectId)
}

export type ProjectClusters = {
  /** Open suggestions: certain clusters first, then the review queue by score. */
  suggested: DuplicateCluster[]
  /** Merged clusters, latest first. */
  merged: DuplicateCluster[]
  notDuplicateCount: number
}

function bySuggestionOrder(a: DuplicateCluster, b: DuplicateCluster): number {
  return (
    Number(b.isCertain ?? false) - Number(a.isCertain ?? false) ||
    b.score - a.score ||
    a.id.localeCompare(b.id)
  )
}

/** The project's duplicate clusters, grouped by status. */
export function useProjectClusters(projectId: string): ProjectClusters | undefined {
  return useLiveQuery(async () => {
    const clusters = await db.duplicateClusters.where('projectId').equals(projectId).toArray()
    return {
      suggested: clusters.filter((cluster) => cluster.status === 'suggested').sort(bySuggestionOrder),
      merged: clusters
        .filter((cluster) => cluster.status === 'merged')
        .sort((a, b) => (b.mergedAt ?? '').localeCompare(a.mergedAt ?? '') || a.id.localeCompare(b.id)),
      notDuplicateCount: clusters.filter((cluster) => cluster.status === 'not-duplicate').length,
    }
  }, [projectId])
}

/** The setting "Merge certain duplicates automatically". */
export function useAutoMerge(projectId: string): boolean | undefined {
  return useLiveQuery(() => dedup.isAutoMerge(projectId), [projectId])
}

/** Whether each import is followed by a duplicate check. */
export function useCheckAfterImport(projectId: string): boolean | undefined {
  return useLiveQuery(() => dedup.isCheckAfterImport(projectId), [projectId])
}

/** Records removed as duplicates so far (for PRISMA). */
export function useDuplicatesRemoved(projectId: string): number | undefined {
  return useLiveQuery(() => dedup.countDuplicatesRemoved(projectId), [projectId])
}

/** Every screening decision on the given records (to flag conflicting decisions inside a cluster). */
export function useDecisionsOn(recordIds: readonly string[]): Decision[] | undefined {
  const key = recordIds.join('|')
  return useLiveQuery(
    () =>
      db.decisions
        .where('recordId')
        .anyOf([...recordIds])
        .toArray(),
    // The joined key stands for the id list.
    [key],
  )
}
