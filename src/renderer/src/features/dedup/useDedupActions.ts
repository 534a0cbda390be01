import { dedupRepo } from '../../db'

const actions = {
  merge: (clusterId: string) => dedupRepo.merge(clusterId),
  markNotDuplicates: (clusterId: string) => dedupRepo.markNotDuplicates(clusterId),
  undoMerge: (clusterId: string) => dedupRepo.undoMerge(clusterId),
  mergeCertain: (projectId: string) => dedupRepo.mergeCertain(projectId),
  setAutoMerge: (projectId: string, isOn: boolean) => dedupRepo.setAutoMerge(projectId, isOn),
  setCheckAfterImport: (projectId: string, isOn: boolean) => dedupRepo.setCheckAfterImport(projectId, isOn),
}

/** Writes of the Deduplicate page: merge, "not duplicates", undo, and the automatic-merge setting. */
export function useDedupActions() {
  return actions
}
