import type { ExtractionForm } from '../../../../core/extraction/form'
import { extractionsRepo, reviewersRepo } from '../../db'
import type { ExtractionInput } from '../../db/repos/extractions'
import type { ReviewerProfile } from '../../db/repos/reviewers'

const actions = {
  saveFormVersion: (projectId: string, form: ExtractionForm, actor: string) =>
    extractionsRepo.saveFormVersion(projectId, form, actor),
  saveExtraction: (input: ExtractionInput, actor: string) => extractionsRepo.save(input, actor),
  addReviewer: (name: string) => reviewersRepo.add(name),
  switchReviewer: (id: string) => reviewersRepo.activate(id),
  joinProject: (projectId: string, reviewer: ReviewerProfile) =>
    reviewersRepo.joinProject(projectId, reviewer, true),
}

/** Writes of the Extract section: form versions, extractions (with their outcome rows) and reviewer profiles. */
export function useExtractionActions() {
  return actions
}
