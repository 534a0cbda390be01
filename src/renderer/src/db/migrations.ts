import type { Transaction } from 'dexie'

import type { StoreSchema } from './schema'

/**
 * One schema version. The list below is ordered and append-only: a shipped migration is never edited, a change is
 * a new entry (Dexie keeps the stores of earlier versions unless a later one overrides or deletes them with null).
 */
export type Migration = {
  version: number
  description: string
  stores: StoreSchema
  upgrade?: (tx: Transaction) => Promise<void> | void
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description:
      'Initial schema: projects, records, import batches, screening, tagging, extraction, audit log.',
    stores: {
      projects: 'id, name, updatedAt',
      records:
        'id, projectId, batchId, [projectId+titleKey], [projectId+doi], [projectId+pmid], [projectId+year]',
      importBatches: 'id, projectId, [projectId+hash], createdAt',
      duplicateClusters: 'id, projectId, [projectId+status]',
      decisions: 'id, projectId, recordId, [projectId+stage], [recordId+stage+reviewerId]',
      taxonomies: 'id, projectId, [projectId+kind]',
      tags: 'id, projectId, taxonomyId',
      recordTags: 'id, projectId, recordId, tagId, [recordId+tagId]',
      extractionForms: 'id, projectId',
      extractions: 'id, projectId, recordId, [recordId+reviewerId]',
      outcomes: 'id, projectId, extractionId, recordId',
      notes: 'id, projectId, recordId',
      attachments: 'id, projectId, recordId',
      events: 'id, projectId, at, [projectId+at]',
      reviewers: 'id, projectId',
      settings: 'key',
    },
  },
  {
    version: 2,
    description: 'Screening resolutions: the decision that settles a conflict between reviewers.',
    stores: {
      resolutions: 'id, projectId, [projectId+stage], recordId',
    },
  },
  {
    version: 3,
    description:
      'Team sync: a local sequence number on every event (the outbox sends events in the order they were written).',
    stores: {
      events: 'id, projectId, at, [projectId+at], seq, [projectId+seq]',
    },
    upgrade: async (tx) => {
      // Existing events get numbers in the order they were written (time, then id: ids sort by creation).
      const events = await tx.table('events').toArray()
      events.sort((a: { at: string; id: string }, b: { at: string; id: string }) =>
        a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
      )
      await tx.table('events').bulkPut(events.map((event: object, index) => ({ ...event, seq: index + 1 })))
    },
  },
]

/** The schema version the app runs at: the last migration's. */
export const latestVersion = migrations.at(-1)?.version ?? 0

/** Checks the list is strictly increasing, so a bad edit fails loudly at start instead of corrupting data. */
export function assertOrdered(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    const previous = list[index - 1]
    if (previous && migration.version <= previous.version) {
      throw new Error(`Migration ${migration.version} must come after ${previous.version}.`)
    }
  })
}
