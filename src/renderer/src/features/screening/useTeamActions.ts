import { parseReviewerFile } from '../../../../core/screening/reviewer-file'
import { resolutionsRepo, teamRepo } from '../../db'
import type { ReviewerProfile } from '../../db/repos/reviewers'
import type { ScreeningResolution } from '../../../../core/screening/status'

const actions = {
  exportWork: (projectId: string, reviewer: ReviewerProfile) => teamRepo.exportWork(projectId, reviewer),
  /** Reads a teammate's file; a file that is not one (or is damaged) is refused with the reason, nothing written. */
  importWork: async (projectId: string, text: string) => {
    const parsed = parseReviewerFile(text)
    if (!parsed.ok) throw new Error(`This is not a Sift reviewer file Sift can read: ${parsed.error}`)
    return teamRepo.importWork(projectId, parsed.file)
  },
  resolve: (projectId: string, resolution: Omit<ScreeningResolution, 'resolvedAt'>) =>
    resolutionsRepo.resolve(projectId, resolution),
}

/** Writes of team work: exchanging reviewer files and resolving conflicts. */
export function useTeamActions() {
  return actions
}
