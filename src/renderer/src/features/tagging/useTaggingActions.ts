import type { Taxonomy as CoreTaxonomy } from '../../../../core/tagging/taxonomy'
import { taggingRepo } from '../../db'
import type { TagChoice } from '../../db/repos/tagging'
import type { Taxonomy } from '../../db/schema'

const actions = {
  installTemplate: (projectId: string, taxonomies: readonly CoreTaxonomy[], actor: string) =>
    taggingRepo.installTemplate(projectId, taxonomies, actor),
  saveTaxonomy: (taxonomy: Taxonomy, actor: string) => taggingRepo.saveTaxonomy(taxonomy, actor),
  accept: (projectId: string, choice: TagChoice, actor: string) =>
    taggingRepo.accept(projectId, choice, actor),
  reject: (projectId: string, choice: TagChoice, actor: string) =>
    taggingRepo.reject(projectId, choice, actor),
  acceptMany: (projectId: string, choices: readonly TagChoice[], actor: string) =>
    taggingRepo.acceptMany(projectId, choices, actor),
  clear: (projectId: string, recordId: string, taxonomyId: string, termId: string, actor: string) =>
    taggingRepo.clear(projectId, recordId, taxonomyId, termId, actor),
}

/** Writes of the Tag section: taxonomies and the tags on records. */
export function useTaggingActions() {
  return actions
}
