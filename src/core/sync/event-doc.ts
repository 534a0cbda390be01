import type { CitationRecord } from '../records/record'
import { recordFingerprint, type FingerprintedRecord } from '../screening/reviewer-file'

/** Version of the sync document layout; a newer app may add fields, never remove these. */
export const syncDocVersion = 1

/** An audit event as every Sift version writes it (the renderer's `ReviewEvent`, seen from core). */
export type SyncableEvent = {
  id: string
  at: string
  actor: string
  type: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
}

/**
 * One audit event as it lives in the team's CouchDB database: `_id` is the event id, so the same event written
 * twice is one document, and events never change after they are written (the server's validation refuses edits).
 * `user` is the server account that wrote it: the server refuses a document whose `user` is not the signed-in one.
 * `record` carries the identity of the record the event is about, so a teammate's machine (whose record ids
 * differ) can find the same record by DOI, PMID or title and year.
 */
export type SyncEventDoc = SyncableEvent & {
  _id: string
  _rev?: string
  v: number
  user: string
  /** Display name of the reviewer profile `actor`, so teammates see names, not ids. */
  actorName: string
  record?: FingerprintedRecord
}

/** Event types that describe this machine only (merging a teammate's work): never sent to the team. */
export const localOnlyEventTypes: ReadonlySet<string> = new Set(['team.import-work'])

/** The record id an event is about, read from its `after` or `before` value; undefined for project-level events. */
export function eventRecordId(event: Pick<SyncableEvent, 'before' | 'after'>): string | undefined {
  for (const value of [event.after, event.before]) {
    if (typeof value === 'object' && value !== null && 'recordId' in value) {
      const recordId = value.recordId
      if (typeof recordId === 'string') return recordId
    }
  }
  return undefined
}

/** What {@link eventToDoc} needs besides the event. */
export type EventDocContext = {
  /** The server account the document is written under. */
  user: string
  actorName: string
  /** The record the event is about (see {@link eventRecordId}), or undefined. */
  record?: Pick<CitationRecord, 'doi' | 'pmid' | 'title' | 'year'> & { id: string }
}

/** The sync document of one local event. Values are copied as they are: unknown event types travel unchanged. */
export function eventToDoc(event: SyncableEvent, context: EventDocContext): SyncEventDoc {
  const { id, at, actor, type, entity, entityId, before, after } = event
  const doc: SyncEventDoc = {
    _id: id,
    v: syncDocVersion,
    user: context.user,
    actorName: context.actorName,
    id,
    at,
    actor,
    type,
    entity,
    entityId,
    before: before ?? null,
    after: after ?? null,
  }
  if (context.record) {
    doc.record = { id: context.record.id, fingerprint: recordFingerprint(context.record) }
  }
  return doc
}

/**
 * Reads a document that came from the server back into its parts, or null when it is not a Sift event (a design
 * document, or something written by another tool). Documents of newer layouts are accepted: extra fields are ignored.
 */
export function readEventDoc(value: unknown): SyncEventDoc | null {
  if (typeof value !== 'object' || value === null) return null
  const doc = value as Record<string, unknown>
  const strings = ['_id', 'at', 'actor', 'type', 'entity', 'entityId', 'user'] as const
  if (strings.some((key) => typeof doc[key] !== 'string')) return null
  if (typeof doc._id === 'string' && doc._id.startsWith('_')) return null
  return value as SyncEventDoc
}
