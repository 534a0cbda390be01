import { readEventDoc, type SyncEventDoc } from '../../../core/sync/event-doc'
import { docsToReviewerFiles } from '../../../core/sync/inbox'
import type { SyncRepo } from '../db/repos/sync'
import type { createTeamRepo } from '../db/repos/team'
import type { PouchDatabase } from './pouch'

/** The team repo's merge ("Import a teammate's work"). */
export type TeamRepo = ReturnType<typeof createTeamRepo>

/**
 * Events per merge: one reviewer file and one write transaction each. Kept at replication's batch size so that
 * merging a batch does not hold the page for long (with 2,000, writing the decisions and looking up their records
 * took single tasks of 50–130 ms in Chromium), and below the team repo's limit for looking records up by index.
 */
const batchSize = 500

/** What one inbox run merged. */
export type InboxResult = {
  /** Teammates' events read from the mirror. */
  received: number
  decisionsAdded: number
  resolutionsAdded: number
  extractionsAdded: number
  /** Events whose content was malformed or spoke for another reviewer than their author: kept, not merged. */
  rejected: number
  /** Events on records this project does not have (yet): kept in the mirror, counted. */
  unmatchedRecords: number
}

/**
 * Of teammates' events the inbox is about to merge, those it still has to: the session may have merged some
 * already as they arrived (see SyncSession), and merging them again would change nothing.
 */
export type NotYetMerged = (docs: SyncEventDoc[]) => Promise<SyncEventDoc[]>

export function emptyInboxResult(): InboxResult {
  return {
    received: 0,
    decisionsAdded: 0,
    resolutionsAdded: 0,
    extractionsAdded: 0,
    rejected: 0,
    unmatchedRecords: 0,
  }
}

/**
 * Merges teammates' events that reached the mirror since the inbox cursor, through exactly the merge of "Import a
 * teammate's work" (one reviewer file per reviewer and batch). Merging is idempotent and independent of arrival
 * order, so a batch merged twice (the app stopped before the cursor was saved) changes nothing. Events of types
 * this version does not merge stay in the mirror and replicate on unchanged.
 */
export async function runInbox(
  repo: SyncRepo,
  team: TeamRepo,
  mirror: PouchDatabase,
  projectId: string,
  notYetMerged?: NotYetMerged,
): Promise<InboxResult> {
  const result = emptyInboxResult()
  let { inboxSince } = await repo.state(projectId)
  for (;;) {
    const changes = await mirror.changes({ since: inboxSince, include_docs: true, limit: batchSize })
    const docs = changes.results.flatMap((change) => readEventDoc(change.doc) ?? [])
    await mergeTeammatesEvents(repo, team, projectId, notYetMerged ? await notYetMerged(docs) : docs, result)
    inboxSince = changes.last_seq
    await repo.saveState(projectId, { inboxSince })
    if (changes.results.length < batchSize) return result
  }
}

/**
 * Merges the events of `docs` that teammates wrote (this machine's own are in its event log and are left out),
 * adding to `result`. Returns the ids of this machine's own.
 */
export async function mergeTeammatesEvents(
  repo: SyncRepo,
  team: TeamRepo,
  projectId: string,
  docs: readonly SyncEventDoc[],
  result: InboxResult,
): Promise<Set<string>> {
  if (docs.length === 0) return new Set()
  const [own, forms] = await Promise.all([
    repo.localEventIds(docs.map((doc) => doc._id)),
    repo.forms(projectId),
  ])
  const theirs = docs.filter((doc) => !own.has(doc._id))
  if (theirs.length === 0) return own
  const batch = docsToReviewerFiles(theirs, forms)
  result.received += theirs.length
  result.rejected += batch.rejected
  for (const file of batch.files) {
    const merged = await team.importWork(projectId, file)
    result.decisionsAdded += merged.decisionsAdded
    result.resolutionsAdded += merged.resolutionsAdded
    result.extractionsAdded += merged.extractionsAdded
    result.unmatchedRecords += merged.unmatchedRecords
  }
  return own
}
