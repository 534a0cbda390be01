import Dexie, { type EntityTable } from 'dexie'

import { assertOrdered, migrations as defaultMigrations, type Migration } from './migrations'
import type {
  Attachment,
  Decision,
  DuplicateCluster,
  Extraction,
  ExtractionForm,
  ImportBatch,
  Note,
  Outcome,
  Project,
  RecordTag,
  Resolution,
  Reviewer,
  ReviewEvent,
  Setting,
  StoredRecord,
  Tag,
  Taxonomy,
} from './schema'

export type SiftDb = Dexie & {
  projects: EntityTable<Project, 'id'>
  records: EntityTable<StoredRecord, 'id'>
  importBatches: EntityTable<ImportBatch, 'id'>
  duplicateClusters: EntityTable<DuplicateCluster, 'id'>
  decisions: EntityTable<Decision, 'id'>
  resolutions: EntityTable<Resolution, 'id'>
  taxonomies: EntityTable<Taxonomy, 'id'>
  tags: EntityTable<Tag, 'id'>
  recordTags: EntityTable<RecordTag, 'id'>
  extractionForms: EntityTable<ExtractionForm, 'id'>
  extractions: EntityTable<Extraction, 'id'>
  outcomes: EntityTable<Outcome, 'id'>
  notes: EntityTable<Note, 'id'>
  attachments: EntityTable<Attachment, 'id'>
  events: EntityTable<ReviewEvent, 'id'>
  reviewers: EntityTable<Reviewer, 'id'>
  settings: EntityTable<Setting, 'key'>
}

/** The IndexedDB database name. Like the app:// origin, it never changes: data lives under it. */
export const databaseName = 'sift'

/**
 * Opens (lazily) the Sift database with every migration applied in order. Tests pass a shorter list to create a
 * database at an older version.
 */
export function createDb(name = databaseName, migrations: readonly Migration[] = defaultMigrations): SiftDb {
  assertOrdered(migrations)
  const db = new Dexie(name) as SiftDb
  for (const migration of migrations) {
    const version = db.version(migration.version).stores(migration.stores)
    if (migration.upgrade) version.upgrade(migration.upgrade)
  }
  return db
}

/** The app's database. Components never import this: repos write, hooks read. */
export const db = createDb()
