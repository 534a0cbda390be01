/**
 * Every table that holds rows of one project (by `projectId`), besides `projects` and the `events` log. Deleting
 * a project clears them; a backup carries them (with the events). A new project table belongs here.
 */
export const projectDataTables = [
  'records',
  'importBatches',
  'duplicateClusters',
  'decisions',
  'resolutions',
  'taxonomies',
  'tags',
  'recordTags',
  'extractionForms',
  'extractions',
  'outcomes',
  'notes',
  'attachments',
  'reviewers',
] as const
