import Dexie from 'dexie'

import type { ReviewerFormVersion } from '../../../../core/screening/reviewer-file'
import { localOnlyEventTypes } from '../../../../core/sync/event-doc'
import type { SiftDb } from '../db'
import type { ReviewEvent, StoredRecord } from '../schema'

/** An event with its local sequence number (schema v3): the order this machine wrote it in. */
export type SequencedEvent = ReviewEvent & { seq?: number }

/** Where team sync of one project stands on this machine; kept in settings under `sync:<projectId>`. */
export type SyncState = {
  /** The server account and database this project syncs with; null when not connected. */
  account: SyncAccount | null
  /** Sequence number of the last local event copied into the mirror (the outbox cursor). */
  pushedSeq: number
  /** Change-feed position of the mirror up to which teammates' events were merged (the inbox cursor). */
  inboxSince: number | string
  lastSyncAt: string | null
}

/** Where to sync; no password here: it stays with the desktop app's main process or the browser's session. */
export type SyncAccount = { serverUrl: string; database: string; user: string }

const emptyState: SyncState = { account: null, pushedSeq: 0, inboxSince: 0, lastSyncAt: null }
const stateKey = (projectId: string): string => `sync:${projectId}`

const sequenced = new WeakSet<SiftDb>()

/**
 * Numbers every new event of this database in the order it is written (a Dexie hook, so repos that `bulkAdd`
 * events are covered too). The counter starts after the highest number stored when the database opens. Numbers
 * are local to this machine; they order the outbox and are never compared across machines.
 */
export function installEventSequence(db: SiftDb): void {
  if (sequenced.has(db)) return
  sequenced.add(db)
  let counter = 0
  const load = async (): Promise<void> => {
    const last: SequencedEvent | undefined = await db.events.orderBy('seq').last()
    counter = Math.max(counter, last?.seq ?? 0)
  }
  db.on('ready', load)
  if (db.isOpen()) void load()
  db.events.hook('creating', (_key, event: SequencedEvent) => {
    if (typeof event.seq === 'number') counter = Math.max(counter, event.seq)
    else event.seq = ++counter
  })
}

const commitListeners = new WeakMap<SiftDb, Set<() => void>>()

/**
 * The listeners told when a transaction that wrote events to send to the team has committed: a Dexie hook sees
 * each new event, and the first one of a transaction subscribes to the commit of its IndexedDB transaction (shared
 * with any transaction it is nested in, so nothing is told before the outermost one committed, or when it
 * failed; one call however many events it wrote). Events about this machine only (a teammate's work merged) are
 * never sent, so writing only those tells nobody: live sync would run the outbox after every merge to find nothing.
 */
function eventCommitListeners(db: SiftDb): Set<() => void> {
  const existing = commitListeners.get(db)
  if (existing) return existing
  const listeners = new Set<() => void>()
  commitListeners.set(db, listeners)
  const seen = new WeakSet<IDBTransaction>()
  db.events.hook('creating', (_key, event: SequencedEvent, transaction) => {
    if (localOnlyEventTypes.has(event.type)) return
    const committing = transaction.idbtrans
    if (seen.has(committing)) return
    seen.add(committing)
    committing.addEventListener('complete', () => {
      for (const listener of listeners) listener()
    })
  })
  return listeners
}

/** Reads and writes what team sync needs: the outbox, cursors, and the record identity events travel with. */
export function createSyncRepo(db: SiftDb) {
  installEventSequence(db)
  const afterSeq = (projectId: string, seq: number) =>
    db.events.where('[projectId+seq]').between([projectId, seq], [projectId, Dexie.maxKey], false, true)

  return {
    async state(projectId: string): Promise<SyncState> {
      const row = await db.settings.get(stateKey(projectId))
      return { ...emptyState, ...(row?.value as Partial<SyncState> | undefined) }
    },

    async saveState(projectId: string, change: Partial<SyncState>): Promise<SyncState> {
      return db.transaction('rw', db.settings, async () => {
        const row = await db.settings.get(stateKey(projectId))
        const next = { ...emptyState, ...(row?.value as Partial<SyncState> | undefined), ...change }
        await db.settings.put({ key: stateKey(projectId), value: next })
        return next
      })
    },

    /** The outbox: this machine's events after `seq`, in the order they were written. */
    async eventsAfter(projectId: string, seq: number, limit: number): Promise<SequencedEvent[]> {
      return await afterSeq(projectId, seq).limit(limit).toArray()
    },

    /** How many events after `seq` are waiting to be sent (events about this machine only are never sent). */
    async countAfter(projectId: string, seq: number): Promise<number> {
      return afterSeq(projectId, seq)
        .filter((event) => !localOnlyEventTypes.has(event.type))
        .count()
    },

    /**
     * Calls `listener` as soon as a transaction that wrote events to send (any project) has committed, so a live outbox
     * sends them at once: a live query would read the event log again first, and that read waits its turn behind
     * the screen's own live queries (in Chromium with 10,000 records, 150–200 ms after each decision). Returns
     * the function that stops it.
     */
    onEventsWritten(listener: () => void): () => void {
      const listeners = eventCommitListeners(db)
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    /** Which of these event ids this machine wrote (teammates' events live only in the mirror). */
    async localEventIds(ids: readonly string[]): Promise<Set<string>> {
      const rows = await db.events.bulkGet([...ids])
      return new Set(rows.flatMap((row) => (row ? [row.id] : [])))
    },

    async records(ids: readonly string[]): Promise<Map<string, StoredRecord>> {
      const rows = await db.records.bulkGet([...ids])
      return new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])))
    },

    /** Display names of the project's reviewers by reviewer id. */
    async reviewerNames(projectId: string): Promise<Map<string, string>> {
      const rows = await db.reviewers.where('projectId').equals(projectId).toArray()
      return new Map(rows.map((row) => [row.id.slice(projectId.length + 1), row.name]))
    },

    async forms(projectId: string): Promise<ReviewerFormVersion[]> {
      const rows = await db.extractionForms.where('projectId').equals(projectId).toArray()
      return rows.map(({ formId, version, definition }) => ({ formId, version, definition }))
    },
  }
}

export type SyncRepo = ReturnType<typeof createSyncRepo>
