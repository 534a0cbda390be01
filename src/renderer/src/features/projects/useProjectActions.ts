import { projectsRepo } from '../../db'

const actions = {
  createProject: (name: string, description: string) => projectsRepo.create(name, description),
  renameProject: (id: string, name: string) => projectsRepo.rename(id, name),
  deleteProject: (id: string) => projectsRepo.remove(id),
}

/** Writes for the project list; every one goes through the projects repo (and so into the audit log). */
export function useProjectActions() {
  return actions
}
