import { emptyRecord, type CitationRecord } from '../../src/core/records/record'
import { createDb, type SiftDb } from '../../src/renderer/src/db/db'
import { createDecisionsRepo } from '../../src/renderer/src/db/repos/decisions'
import { createReviewersRepo, type ReviewerProfile } from '../../src/renderer/src/db/repos/reviewers'
import { createSyncRepo } from '../../src/renderer/src/db/repos/sync'
import { createTeamRepo } from '../../src/renderer/src/db/repos/team'
import type { PouchDatabase } from '../../src/renderer/src/sync/pouch'
import { SyncSession } from '../../src/renderer/src/sync/session'
import { projectWithRecords } from '../../src/renderer/src/test/project-with-records'
import type { SyncStatus } from '../../src/renderer/src/sync/status'
import { nodePouchFactory } from './pouch-node'
import { authorizationOf } from './server'

/** The same papers on every machine (each machine's record ids differ; records match by DOI, PMID, title+year). */
export function sharedRecords(count: number): CitationRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    ...emptyRecord(),
    title: `Study number ${index + 1} of liver ablation`,
    doi: `10.1000/study.${index + 1}`,
    year: 2020,
  }))
}

/**
 * A network the test can cut: while cut, every request fails like a dropped connection. `cutAfterBulkDocs` cuts it
 * by itself right after that many uploads reached the server (so the cut lands in the middle of a push);
 * `loseAnswerOfBulkDocs` loses the server's answer to that upload (numbered from 1): the server keeps the
 * documents, the client sees a dropped connection. `paths` lists every request (`POST /db/_revs_diff`);
 * `lastBulkDocsAt` is when the server last answered an upload (`performance.now()`), for benchmarks;
 * `delayChangesMs` holds back every answer of the server's change feed that long (a slow first pull).
 */
export type Network = {
  isCut: boolean
  requests: number
  bulkDocs: number
  paths: string[]
  cutAfterBulkDocs?: number
  loseAnswerOfBulkDocs?: number
  lastBulkDocsAt?: number
  delayChangesMs?: number
}

/**
 * One reviewer's machine: its own Sift database (fake IndexedDB), a project with `records` imported, a reviewer
 * profile, an in-memory mirror, and a remote database whose requests carry the user's credentials (as the desktop
 * app's main process adds them).
 */
export async function makeMachine(options: {
  serverUrl: string
  database: string
  user: string
  records: CitationRecord[]
}) {
  const db: SiftDb = createDb(`sync-test-${options.user}-${Math.random()}`)
  const syncRepo = createSyncRepo(db)
  await db.open()
  const { projectId } = await projectWithRecords(db, 'Shared review', options.records)
  const reviewers = createReviewersRepo(db)
  const reviewer: ReviewerProfile = await reviewers.add(options.user)
  await reviewers.joinProject(projectId, reviewer, true)
  const network: Network = { isCut: false, requests: 0, bulkDocs: 0, paths: [] }
  const authorization = authorizationOf(options.user)
  const relay: typeof fetch = async (input, init) => {
    network.requests++
    const url = new URL(input instanceof Request ? input.url : String(input))
    network.paths.push(`${init?.method ?? 'GET'} ${url.pathname}`)
    if (network.isCut) throw new TypeError('fetch failed: network cut by the test')
    const headers = new Headers(init?.headers)
    headers.set('authorization', authorization)
    const response = await fetch(input, { ...init, headers })
    if (network.delayChangesMs && url.pathname.endsWith('/_changes')) {
      await new Promise((done) => setTimeout(done, network.delayChangesMs))
    }
    if (url.pathname.endsWith('/_bulk_docs')) {
      network.lastBulkDocsAt = performance.now()
      network.bulkDocs++
      if (network.bulkDocs === network.cutAfterBulkDocs) network.isCut = true
      if (network.bulkDocs === network.loseAnswerOfBulkDocs) {
        throw new TypeError('fetch failed: answer lost by the test')
      }
    }
    return response
  }
  const mirror = nodePouchFactory(`mirror-${options.user}-${Math.random()}`)
  const newRemote = () =>
    nodePouchFactory(`${options.serverUrl}/${options.database}`, { fetch: relay, skip_setup: true })
  const remote = newRemote()
  const statuses: SyncStatus[] = []
  /**
   * This machine's sync, as the app makes it when it starts (the mirror and the event log stay); with
   * `newRemote`, on a remote database made just now, as the app's sync manager does; with `mirror`, on that mirror.
   */
  const newSession = (options_: { newRemote?: boolean; mirror?: PouchDatabase } = {}) =>
    new SyncSession({
      repo: syncRepo,
      team: createTeamRepo(db),
      projectId,
      user: options.user,
      mirror: options_.mirror ?? mirror,
      remote: options_.newRemote ? newRemote() : remote,
      onStatus: (status) => statuses.push(status),
    })
  const session = newSession()
  const recordIds = (await db.records.where('projectId').equals(projectId).sortBy('sourceIndex')).map(
    (r) => r.id,
  )
  const decisions = createDecisionsRepo(db)
  return {
    db,
    projectId,
    reviewer,
    recordIds,
    network,
    mirror,
    session,
    newSession,
    statuses,
    syncRepo,
    decisions,
    /** This reviewer's decision on the record at `index` (in file order) at title/abstract (one event). */
    decideOne(index: number, value: 'include' | 'exclude') {
      return decisions.decide({
        projectId,
        recordId: recordIds[index] ?? '',
        stage: 'title-abstract',
        reviewerId: reviewer.id,
        value,
        reason: '',
      })
    },
    /** This reviewer's decision on every record of the project at title/abstract (one event each). */
    decideAll(value: 'include' | 'exclude') {
      return decisions.decideMany(recordIds, {
        projectId,
        stage: 'title-abstract',
        reviewerId: reviewer.id,
        value,
        reason: '',
      })
    },
    async close() {
      await session.stop()
      await mirror.destroy()
      db.close()
    },
  }
}

export type Machine = Awaited<ReturnType<typeof makeMachine>>
