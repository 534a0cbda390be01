import { eventRecordId, eventToDoc, localOnlyEventTypes } from '../../../core/sync/event-doc'
import type { SyncRepo } from '../db/repos/sync'
import type { PouchDatabase, PouchDoc } from './pouch'

const batchSize = 500

/** What one outbox run copied into the mirror. */
export type OutboxResult = { copied: number; pushedSeq: number }

/**
 * Copies this machine's new events of a project into its mirror, in the order they were written (local sequence
 * numbers, never timestamps: a clock set back must not hide an event). Each document's `_id` is the event id, so
 * an event copied twice (the app stopped before the cursor was saved) is one document: the second write is a
 * conflict and is ignored. Teammates' events never enter the local event log, so they are never sent back.
 * `onCopied` hears each batch's new documents, with the revision the mirror gave them, as soon as they are in the
 * mirror (replication can start sending them while later batches are copied). `from` is the outbox cursor when the
 * caller knows it (the cursor it was given back last time), which saves reading it.
 */
export async function runOutbox(
  repo: SyncRepo,
  mirror: PouchDatabase,
  projectId: string,
  user: string,
  options: { onCopied?: (written: PouchDoc[]) => Promise<void> | void; from?: number } = {},
): Promise<OutboxResult> {
  const { onCopied } = options
  let pushedSeq = options.from ?? (await repo.state(projectId)).pushedSeq
  let copied = 0
  for (;;) {
    const events = await repo.eventsAfter(projectId, pushedSeq, batchSize)
    const last = events.at(-1)
    if (!last) return { copied, pushedSeq }
    const recordIds = events.flatMap((event) => eventRecordId(event) ?? [])
    const [records, names] = await Promise.all([repo.records(recordIds), repo.reviewerNames(projectId)])
    const docs = events
      .filter((event) => !localOnlyEventTypes.has(event.type))
      .map((event) => {
        const recordId = eventRecordId(event)
        const record = recordId === undefined ? undefined : records.get(recordId)
        return eventToDoc(event, { user, actorName: names.get(event.actor) ?? event.actor, record })
      })
    // PouchDB may change the documents it is given: it gets copies, and `docs` stay as they were sent.
    const results = docs.length ? await mirror.bulkDocs(docs.map((doc) => ({ ...doc }))) : []
    const failed = results.find((result) => result.error && result.status !== 409)
    if (failed) {
      throw new Error(
        `Could not keep event ${failed.id ?? ''} for sending: ${failed.message ?? String(failed.error)}`,
      )
    }
    const written = docs.flatMap((doc, index) => {
      const result = results[index]
      return result && !result.error && result.rev ? [{ ...doc, _rev: result.rev }] : []
    })
    copied += written.length
    if (written.length) await onCopied?.(written)
    pushedSeq = last.seq ?? pushedSeq
    await repo.saveState(projectId, { pushedSeq })
  }
}
