import { db } from './db'
import { createImportsRepo } from './repos/imports'
import { createProjectsRepo } from './repos/projects'

/** The app's repositories: every write to the database goes through one of these. */
export const projectsRepo = createProjectsRepo(db)
export const importsRepo = createImportsRepo(db)
