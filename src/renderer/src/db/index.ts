import { db } from './db'
import { createBackupsRepo } from './repos/backups'
import { createDecisionsRepo } from './repos/decisions'
import { createDemoRepo } from './repos/demo'
import { createDedupRepo } from './repos/dedup'
import { createExtractionsRepo } from './repos/extractions'
import { createImportsRepo } from './repos/imports'
import { createLabelsRepo } from './repos/labels'
import { createProjectsRepo } from './repos/projects'
import { createRankingRepo } from './repos/ranking'
import { createRecordExtrasRepo } from './repos/record-extras'
import { createResolutionsRepo } from './repos/resolutions'
import { createReviewersRepo } from './repos/reviewers'
import { createStoppingRepo } from './repos/stopping'
import { createTaggingRepo } from './repos/tagging'
import { createTeamRepo } from './repos/team'

/** The app's repositories: every write to the database goes through one of these. */
export const projectsRepo = createProjectsRepo(db)
export const importsRepo = createImportsRepo(db)
export const reviewersRepo = createReviewersRepo(db)
export const decisionsRepo = createDecisionsRepo(db)
export const resolutionsRepo = createResolutionsRepo(db)
export const teamRepo = createTeamRepo(db)
export const recordExtrasRepo = createRecordExtrasRepo(db)
export const labelsRepo = createLabelsRepo(db)
export const taggingRepo = createTaggingRepo(db)
export const extractionsRepo = createExtractionsRepo(db)
export const backupsRepo = createBackupsRepo(db)
export const dedupRepo = createDedupRepo(db)
export const demoRepo = createDemoRepo(db)
export const rankingRepo = createRankingRepo(db)
export const stoppingRepo = createStoppingRepo(db)
