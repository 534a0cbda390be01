import { db } from './db'
import { createProjectsRepo } from './repos/projects'

/** The app's repositories: every write to the database goes through one of these. */
export const projectsRepo = createProjectsRepo(db)
