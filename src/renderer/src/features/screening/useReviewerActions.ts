import { reviewersRepo } from '../../db'
import type { ReviewerProfile } from '../../db/repos/reviewers'

const actions = {
  addReviewer: (name: string) => reviewersRepo.add(name),
  switchReviewer: (id: string) => reviewersRepo.activate(id),
  joinProject: (projectId: string, reviewer: ReviewerProfile) =>
    reviewersRepo.joinProject(projectId, reviewer, true),
}

/** Writes of reviewer profiles on this machine. */
export function useReviewerActions() {
  return actions
}
