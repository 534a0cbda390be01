import type { SyncRepo } from '../db/repos/sync'
import { runInbox, type InboxResult, type TeamRepo } from './inbox'
import { runOutbox } from './outbox'
import type { PouchDatabase, PouchEmitter } from './pouch'
import { describeSyncError, type SyncStatus } from './status'

/** What a sync session needs: the project's mirror, the remote database (requests go through the platform). */
export type SyncSessionOptions = {
  repo: SyncRepo
  team: TeamRepo
  projectId: string
  /** The server account events are written under. */
  user: string
  mirror: PouchDatabase
  remote: PouchDatabase
  onStatus?: (status: SyncStatus) => void
}

type ReplicationChange = { direction?: 'push' | 'pull'; change?: { last_seq?: number | string } }
type Denied = { doc?: { id?: string; reason?: string; message?: string } }

/**
 * One project's team sync: the outbox copies new local events into the mirror, PouchDB replicates the mirror with
 * the server both ways, and the inbox merges what teammates wrote. Every step is idempotent, so it can be stopped
 * anywhere (network loss, sleep, quitting) and simply run again.
 */
export class SyncSession {
  private replication: PouchEmitter | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private status: SyncStatus = { state: 'idle', lastSyncAt: null, pending: 0, refused: [], error: null }
  private readonly options: SyncSessionOptions

  private readonly probeServer: () => Promise<unknown>
  private pushedMirrorSeq: number | string = 0
  private isReplicating = false

  constructor(options: SyncSessionOptions) {
    this.options = options
    this.probeServer = quietInfo(options.remote)
  }

  /** Copies new local events into the mirror (serialised with the other steps). */
  pushLocal(): Promise<void> {
    return this.serial(async () => {
      const { repo, mirror, projectId, user } = this.options
      const { copied } = await runOutbox(repo, mirror, projectId, user)
      // Live replication picks new documents up by itself; until it reports, they are not on the server.
      if (copied > 0 && this.replication) this.isReplicating = true
      await this.refreshPending()
    })
  }

  /** Merges teammates' events that reached the mirror. */
  mergeIncoming(): Promise<InboxResult> {
    return this.serial(() =>
      runInbox(this.options.repo, this.options.team, this.options.mirror, this.options.projectId),
    )
  }

  /** "Sync now": outbox, one full replication both ways, inbox. Resolves when done; errors are in the status. */
  async syncOnce(): Promise<SyncStatus> {
    try {
      this.update({ state: 'syncing', error: null })
      await this.pushLocal()
      const replication = this.options.mirror.sync(this.options.remote, { batch_size: 500 })
      this.watchDenied(replication)
      const result = (await replication) as { push?: { last_seq?: number | string } }
      this.pushedMirrorSeq = result.push?.last_seq ?? this.pushedMirrorSeq
      await this.mergeIncoming()
      await this.synced()
    } catch (error) {
      this.update({ state: 'error', error: describeSyncError(error) })
    }
    return this.status
  }

  /**
   * Live sync while connected: replication keeps running and retries with back-off after network loss or sleep;
   * pulled changes are merged as they arrive. Call {@link pushLocal} when local events are written.
   */
  start(): void {
    if (this.replication) return
    const replication = this.options.mirror.sync(this.options.remote, {
      live: true,
      retry: true,
      batch_size: 500,
      back_off_function: (delay) => (delay === 0 ? 500 : Math.min(delay * 2, 30_000)),
    })
    this.replication = replication
    this.watchDenied(replication)
    replication
      .on('change', (info: ReplicationChange) => {
        if (info.direction === 'pull') void this.mergeIncoming().catch((error: unknown) => this.fail(error))
        else {
          this.pushedMirrorSeq = info.change?.last_seq ?? this.pushedMirrorSeq
          this.update({ state: 'syncing', error: null })
          void this.refreshPending()
        }
      })
      .on('active', () => {
        this.isReplicating = true
        this.update({ state: 'syncing', error: null })
      })
      // With `retry`, PouchDB reports a failed request as a plain pause; asking the server tells the two apart.
      .on('paused', () => {
        this.isReplicating = false
        void this.checkServer()
      })
      .on('error', (error: unknown) => this.fail(error))
    void this.pushLocal().catch((error: unknown) => this.fail(error))
  }

  /** Stops live sync; the mirror and both cursors stay, so the next start resumes where this one stopped. */
  async stop(): Promise<void> {
    this.replication?.cancel()
    this.replication = null
    await this.queue.catch(() => undefined)
    this.update({ state: 'idle' })
  }

  current(): SyncStatus {
    return this.status
  }

  private watchDenied(replication: PouchEmitter): void {
    replication.on('denied', (denied: Denied) => {
      const reason = denied.doc?.reason ?? denied.doc?.message ?? 'refused by the server'
      this.update({ refused: [...this.status.refused, { id: denied.doc?.id ?? '', reason }].slice(-50) })
    })
  }

  /**
   * After a pause: if the server has every local event of the mirror, sync is caught up; if some are missing,
   * replication is waiting to retry; if the server cannot be reached, we are offline (replication retries).
   */
  private async checkServer(): Promise<void> {
    try {
      // In the queue, so the answer cannot be overtaken by an outbox run that copies new events meanwhile.
      await this.serial(async () => {
        const isConfirmed = await this.confirmPushed()
        if (this.isReplicating) return
        if (isConfirmed) await this.synced()
        else {
          await this.refreshPending()
          this.update({ state: 'syncing', error: null })
        }
      })
    } catch (error) {
      await this.refreshPending()
      this.update({ state: 'offline', error: describeSyncError(error) })
    }
  }

  /** Asks the server whether it has this machine's events written to the mirror since the last confirmation. */
  private async confirmPushed(): Promise<boolean> {
    const { mirror, remote, repo } = this.options
    const changes = await mirror.changes({ since: this.pushedMirrorSeq })
    const own = [...(await repo.localEventIds(changes.results.map((change) => change.id)))]
    if (own.length === 0) await this.probeServer()
    else {
      const { rows } = await remote.allDocs({ keys: own })
      if (rows.some((row) => 'error' in row)) return false
    }
    this.pushedMirrorSeq = changes.last_seq
    return true
  }

  private async synced(): Promise<void> {
    const lastSyncAt = new Date().toISOString()
    await this.options.repo.saveState(this.options.projectId, { lastSyncAt })
    await this.refreshPending()
    this.update({ state: 'up-to-date', lastSyncAt, error: null })
  }

  private async refreshPending(): Promise<void> {
    const { repo, projectId } = this.options
    const { pushedSeq } = await repo.state(projectId)
    const notCopied = await repo.countAfter(projectId, pushedSeq)
    // Local events already in the mirror but not yet pushed: mirror changes after the last pushed position.
    const changes = await this.options.mirror.changes({ since: this.pushedMirrorSeq })
    const own = await repo.localEventIds(changes.results.map((change) => change.id))
    this.update({ pending: notCopied + own.size })
  }

  private fail(error: unknown): void {
    this.update({ state: 'error', error: describeSyncError(error) })
  }

  private update(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change }
    this.options.onStatus?.(this.status)
  }

  private serial<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step, step)
    this.queue = next.catch(() => undefined)
    return next
  }
}

/**
 * PouchDB 9's replication calls the source's `info()` after each batch without handling a rejection
 * (pouchdb-replication, `src.info().then(...)` while writing a checkpoint), so a network drop during a pull
 * surfaces as an unhandled rejection. The remote's `info` is replaced by one that answers a placeholder on
 * failure (only progress counts read it there); the next real request reports the failure and replication
 * retries. Returns the original `info`, used to probe the server.
 */
function quietInfo(remote: PouchDatabase): () => Promise<unknown> {
  const original = remote.info.bind(remote)
  remote.info = () => original().catch(() => ({ doc_count: 0, update_seq: 0 }))
  return original
}
