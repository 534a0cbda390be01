import { setNewest } from './newest'
import type { AllDocsRow, PouchDatabase, PouchDoc } from './pouch'

/** One document revision replication asks a database for. */
export type BulkGetRequest = { id: string; rev?: string }
export type BulkGetResult = {
  results: { id: string; docs: ({ ok: PouchDoc } | { error: Record<string, unknown> })[] }[]
}
/** What `revsDiff` answers: per document, the revisions this database lacks. */
export type RevsDiffResult = Record<string, { missing: string[]; possible_ancestors?: string[] }>

/** What replication's reads of the mirror can be told. */
export type MirrorReads = {
  /**
   * Documents just written into the mirror (first revisions, with their `_rev`): pushing, which reads each document
   * back before sending it, takes them from here instead (once each; at most ten batches are kept, the oldest
   * dropped first, and anything not kept is read as before).
   */
  keepWritten(docs: readonly PouchDoc[]): void
  forgetWritten(): void
}

/**
 * Replication reads the mirror one document at a time: `bulkGet` (pushing) asks for each document's revision tree
 * and then the document, and `revsDiff` (pulling) for each revision tree, and PouchDB's IndexedDB adapters open a
 * transaction for every one of those reads. For 10,000 events that is 30,000 transactions, which in Chromium cost
 * more than the rest of a push. Sift's event documents are written once and never edited (the server refuses
 * edits), so they are all at their first revision, whose history is the revision itself: both questions are
 * answered from one `allDocs` read of the batch (a single transaction). Any document this does not fit (a later
 * revision, deleted, not the winning revision, with attachments) is asked the usual way. PouchDB 7 made the same
 * shortcut for first revisions in replication; PouchDB 9 dropped it.
 *
 * Replaces `bulkGet` and `revsDiff` on this mirror object (replication calls them on the object it is given).
 */
export function batchMirrorReads(mirror: PouchDatabase, batchSize: number): MirrorReads {
  const existing = batched.get(mirror)
  if (existing) return existing
  const bulkGet = mirror.bulkGet.bind(mirror)
  const revsDiff = mirror.revsDiff.bind(mirror)
  const written = new FirstRevisions(10 * batchSize)

  mirror.bulkGet = async (options) => {
    if (options.attachments) return bulkGet(options)
    // Replication takes the documents in any order: those just written first, then those read here in one go,
    // then the rest asked the usual way.
    const answers: BulkGetResult['results'] = []
    let rest = written.take(options.docs, answers)
    const firsts = [...new Set(rest.flatMap((request) => (isFirstRevision(request.rev) ? [request.id] : [])))]
    if (firsts.length) {
      const { rows } = await mirror.allDocs({ keys: firsts, include_docs: true })
      const found = new Map<string, PouchDoc>()
      for (const row of rows) {
        if ('error' in row || !row.doc || row.value.deleted || '_attachments' in row.doc) continue
        found.set(row.key, row.doc)
      }
      rest = rest.filter((request) => {
        const doc = found.get(request.id)
        if (!doc || !isFirstRevision(request.rev) || doc._rev !== request.rev) return true
        answers.push(firstRevisionAnswer(doc))
        return false
      })
    }
    if (rest.length) answers.push(...(await bulkGet({ ...options, docs: rest })).results)
    return { results: answers }
  }

  mirror.revsDiff = async (diffs) => {
    const ids = Object.keys(diffs)
    if (ids.length === 0) return {}
    const { rows } = await mirror.allDocs({ keys: ids })
    const result: RevsDiffResult = {}
    const unsure: Record<string, string[]> = {}
    for (const row of rows) {
      const revs = diffs[row.key] ?? []
      if ('error' in row) {
        if (row.error === 'not_found') result[row.key] = { missing: revs }
        else unsure[row.key] = revs
      } else if (row.value.deleted || !isOnlyWinner(revs, row)) unsure[row.key] = revs
    }
    return Object.keys(unsure).length ? { ...result, ...(await revsDiff(unsure)) } : result
  }

  const reads: MirrorReads = {
    keepWritten: (docs) => docs.forEach((doc) => written.keep(doc)),
    forgetWritten: () => written.clear(),
  }
  batched.set(mirror, reads)
  return reads
}

const batched = new WeakMap<PouchDatabase, MirrorReads>()

/** What pulling keeps of the documents the server's change feed brought, until replication asks for them. */
export type FeedDocs = {
  /**
   * The pull's filter: keeps the document that came with each change and lets every change through. A filter
   * function makes PouchDB ask the server for the documents with the changes (`include_docs`). It names itself as
   * the empty string, so the pull keeps the replication id (and the checkpoints) of a pull without a filter,
   * which it is: nothing is filtered out.
   */
  filter: (doc: PouchDoc) => boolean
  /** Forgets what is kept: the pull caught up, so replication will not ask for any of it. */
  forget(): void
  /**
   * Hears the documents of each answer of the server's change feed as soon as it arrives, before replication has
   * written them into the mirror. Returns a function that stops listening.
   */
  listen(listener: (docs: PouchDoc[]) => void): () => void
}

/**
 * Pulling asks the server for the changes, then for the changed documents (`_bulk_get`): two requests for every
 * batch, and for every live change. With the documents already in the change feed (see {@link FeedDocs.filter}),
 * the remote's `bulkGet` answers first revisions (every event: the server refuses edits) from what the feed
 * brought, without the second request. Anything else (a later revision, attachments, a document the feed did not
 * bring) is asked from the server as before.
 *
 * Replaces `bulkGet` on this remote object. Replication reads up to ten batches ahead (PouchDB's default
 * `batches_limit`), so at most that many batches of documents are kept, the oldest dropped first; documents
 * replication does not ask for (those the mirror already has) are dropped when the pull catches up.
 */
export function takeDocsFromFeed(remote: PouchDatabase, batchSize: number): FeedDocs {
  const existing = feeds.get(remote)
  if (existing) return existing
  const kept = new FirstRevisions(10 * batchSize)
  const bulkGet = remote.bulkGet.bind(remote)

  remote.bulkGet = async (options) => {
    if (options.attachments) return bulkGet(options)
    const fromFeed: BulkGetResult['results'] = []
    const rest = kept.take(options.docs, fromFeed)
    if (fromFeed.length === 0) return bulkGet(options)
    const others = rest.length ? (await bulkGet({ ...options, docs: rest })).results : []
    return { results: [...fromFeed, ...others] }
  }

  const listeners = new Set<(docs: PouchDoc[]) => void>()
  // PouchDB runs the filter over one answer's changes in one synchronous pass: they are heard together.
  let arrived: PouchDoc[] = []
  const tell = (): void => {
    const docs = arrived
    arrived = []
    for (const listener of listeners) listener(docs)
  }
  const filter = (doc: PouchDoc): boolean => {
    kept.keep(doc)
    if (listeners.size > 0 && arrived.push(doc) === 1) queueMicrotask(tell)
    return true
  }
  filter.toString = () => ''
  const feed: FeedDocs = {
    filter,
    forget: () => kept.clear(),
    listen: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  feeds.set(remote, feed)
  return feed
}

const feeds = new WeakMap<PouchDatabase, FeedDocs>()

/** Events pushing sends without first asking the server whether it has them. */
export type NewEvents = {
  /** Events the outbox has just written into the mirror as new documents, so never sent from it. */
  add(ids: readonly string[]): void
}

/**
 * Pushing asks the server which documents it lacks (`_revs_diff`) before sending them: one request per batch, and
 * per live change. An event the outbox has just written into the mirror as a new document was never sent from it,
 * so the server lacks it unless the mirror was made again from an event log already sent. Such events are
 * answered as missing without asking (once each: asked again, for a retried batch, the server is asked). When the
 * server did have one after all, CouchDB takes the same revision again as a no-op, and a server that refuses it
 * instead (PouchDB Server's validation sees an existing event) is checked by the session, which does not report
 * an event the server holds at the revision sent.
 *
 * Replaces `revsDiff` on this remote object.
 */
export function sendNewEventsUnasked(remote: PouchDatabase): NewEvents {
  const existing = unasked.get(remote)
  if (existing) return existing
  const fresh = new Set<string>()
  const revsDiff = remote.revsDiff.bind(remote)
  remote.revsDiff = async (diffs) => {
    const known: RevsDiffResult = {}
    const ask: Record<string, string[]> = {}
    for (const [id, revs] of Object.entries(diffs)) {
      if (fresh.delete(id) && revs.length === 1 && isFirstRevision(revs[0])) known[id] = { missing: revs }
      else ask[id] = revs
    }
    return Object.keys(ask).length ? { ...known, ...(await revsDiff(ask)) } : known
  }
  const events = {
    add: (ids: readonly string[]) => {
      for (const id of ids) fresh.add(id)
    },
  }
  unasked.set(remote, events)
  return events
}

const unasked = new WeakMap<PouchDatabase, NewEvents>()

/**
 * Documents at their first revision (no attachments) held until replication asks for them with `bulkGet`: each
 * answered once, at most `limit` held, the oldest dropped first.
 */
class FirstRevisions {
  private readonly docs = new Map<string, PouchDoc>()

  constructor(private readonly limit: number) {}

  keep(doc: PouchDoc): void {
    if (!isFirstRevision(doc._rev) || '_attachments' in doc) return
    setNewest(this.docs, doc._id, doc, this.limit)
  }

  clear(): void {
    this.docs.clear()
  }

  /** Answers into `answers` the requests for a held revision (no longer held then); returns the others. */
  take(requests: readonly BulkGetRequest[], answers: BulkGetResult['results']): BulkGetRequest[] {
    if (this.docs.size === 0) return [...requests]
    return requests.filter((request) => {
      const doc = this.docs.get(request.id)
      if (!doc || doc._rev !== request.rev) return true
      this.docs.delete(request.id)
      answers.push(firstRevisionAnswer(doc))
      return false
    })
  }
}

/** A first revision as `bulkGet` answers it with `revs`: with its history, which is the revision itself. */
function firstRevisionAnswer(doc: PouchDoc): BulkGetResult['results'][number] {
  const revisions = { start: 1, ids: [(doc._rev ?? '').slice(2)] }
  return { id: doc._id, docs: [{ ok: { ...doc, _revisions: revisions } }] }
}

/** Whether `revs` name only the document's winning revision (which this database therefore has). */
function isOnlyWinner(revs: string[], row: Extract<AllDocsRow, { value: unknown }>): boolean {
  return revs.length > 0 && revs.every((rev) => rev === row.value.rev)
}

function isFirstRevision(rev: string | undefined): boolean {
  return rev !== undefined && rev.startsWith('1-')
}
