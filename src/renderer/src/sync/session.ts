import { readEventDoc, type SyncEventDoc } from '../../../core/sync/event-doc'
import type { SyncRepo } from '../db/repos/sync'
import {
  emptyInboxResult,
  mergeTeammatesEvents,
  runInbox,
  type InboxResult,
  type NotYetMerged,
  type TeamRepo,
} from './inbox'
import {
  batchMirrorReads,
  sendNewEventsUnasked,
  takeDocsFromFeed,
  type FeedDocs,
  type MirrorReads,
  type NewEvents,
} from './mirror-reads'
import { setNewest } from './newest'
import { runOutbox } from './outbox'
import type { PouchDatabase, PouchDoc, PouchEmitter, ReplicationOptions, SyncReplication } from './pouch'
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

type ReplicationChange = { docs?: PouchDoc[] }
type Checkpoint = { checkpoint?: number | string }
type Seq = number | string
/** What a replication reports for a document the server refused. */
type Refusal = { id?: string; reason?: string; message?: string }
/**
 * One direction of live sync: replicating now, the failure of its last pause, and whether it has paused since
 * replication started (before that it has not yet caught up, even if it never reported being active).
 */
type Direction = { active: boolean; error: unknown; hasPaused: boolean }

/** Documents per replication batch (one `_revs_diff`, `_bulk_docs` or `_bulk_get` request each). */
const batchSize = 500

/**
 * Live sync merges an answer of the server's change feed as it arrives when it brings at most this many
 * documents (a teammate's decisions as they are taken); larger ones (catching up) are left to the inbox.
 */
const arrivalMergeLimit = 50

/** How many events merged on arrival are remembered until the inbox reaches them (the oldest forgotten first). */
const arrivalMemory = 2_000

/**
 * The mirror's change-feed position up to which pushing is done: every local event before it is on the server or
 * was refused by it. A `_local` document: it stays with the mirror and never replicates.
 */
const pushedDocId = '_local/sift-pushed'

/**
 * One project's team sync: the outbox copies new local events into the mirror, PouchDB replicates the mirror with
 * the server both ways, and the inbox merges what teammates wrote. Every step is idempotent, so it can be stopped
 * anywhere (network loss, sleep, quitting) and simply run again.
 */
export class SyncSession {
  private replication: SyncReplication | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private status: SyncStatus = { state: 'idle', lastSyncAt: null, pending: 0, refused: [], error: null }
  private readonly options: SyncSessionOptions

  private readonly probeServer: () => Promise<unknown>
  private readonly checkpoints: CheckpointMemory
  private readonly feed: FeedDocs
  private readonly newEvents: NewEvents
  private readonly mirrorReads: MirrorReads
  /** Refusals waiting to be checked against the server (see {@link checkRefusals}), by event id. */
  private refusalsToCheck = new Map<string, string>()
  /** The check of refusals under way, if any. */
  private checkingRefusals: Promise<void> | null = null
  /**
   * This machine's events in the mirror that pushing has not yet dealt with, each with its position in the
   * mirror's change feed (or a position after it); null until read from the mirror. The outbox adds what it
   * copies; replication removes what it wrote or the server refused, and everything its checkpoint has passed.
   */
  private unpushed: Map<string, Seq> | null = null
  /** The push's checkpoint in the mirror's change feed (as far as this run has seen it). */
  private pushedTo: Seq = 0
  private savingPushedTo: Promise<void> | null = null
  private savePushedToAgain = false
  /** Mirror documents that came from the server in this run, by id and revision: never pushed back. */
  private readonly pulled = new Map<string, string | undefined>()
  private readonly directions: Record<'push' | 'pull', Direction> = {
    push: { active: false, error: null, hasPaused: false },
    pull: { active: false, error: null, hasPaused: false },
  }
  private mergeScheduled = false
  /** Local events not yet copied into the mirror, when last counted. */
  private notCopied = 0
  /** {@link start} is copying the outbox before it starts replication. */
  private isCopyingFirst = false
  /** Counts {@link stop}s, so a start that was stopped while copying does not start replication afterwards. */
  private startRun = 0
  /**
   * The outbox cursor as this session's last outbox run left it (only outbox runs move it, one at a time, in the
   * queue); null until the first run, and after a run failed (it is then read again).
   */
  private pushedSeq: number | null = null
  /** An outbox run waiting in the queue for {@link pushLocalSoon}, not started yet. */
  private waitingPush: Promise<void> | null = null
  /** Merges on arrival, one after another (see {@link mergeOnArrival}). */
  private arrivals: Promise<void> = Promise.resolve()
  /** Events merged on arrival that the inbox has not reached yet, by id and revision: whether the merge succeeded. */
  private readonly mergedOnArrival = new Map<string, Promise<boolean>>()
  private stopHearingFeed: (() => void) | null = null

  constructor(options: SyncSessionOptions) {
    this.options = options
    this.probeServer = quietRemote(options.remote)
    this.checkpoints = rememberCheckpoints(options.remote)
    this.feed = takeDocsFromFeed(options.remote, batchSize)
    this.newEvents = sendNewEventsUnasked(options.remote)
    this.mirrorReads = batchMirrorReads(options.mirror, batchSize)
  }

  /**
   * Copies new local events into the mirror (serialised with the other steps). `onCopied` runs after each batch
   * of copies reached the mirror.
   */
  pushLocal(onCopied?: () => void): Promise<void> {
    return this.serial(() => this.copyLocal(onCopied))
  }

  /**
   * Live sync's outbox run after events were written. While a run waits in the queue, later calls join it: it
   * has not read the event log yet, so it copies their events too (one run for a burst of writes, not one each).
   */
  pushLocalSoon(): Promise<void> {
    this.waitingPush ??= this.serial(() => {
      this.waitingPush = null
      return this.copyLocal()
    })
    return this.waitingPush
  }

  /** The outbox run itself: new local events into the mirror, each remembered as not pushed yet. */
  private async copyLocal(onCopied?: () => void): Promise<void> {
    const { repo, mirror, projectId, user } = this.options
    const unpushed = await this.unpushedEvents()
    // Asked while the outbox reads the event log (it is needed only once the first copies are written, and is
    // asked before them): a live decision's trip waits for one read less.
    const positionBefore = mirror.info().then((info) => info.update_seq)
    // A failure is reported where it is awaited; with nothing to copy it is not awaited, and not unhandled.
    positionBefore.catch(() => undefined)
    let mirrorSeq: Seq | Promise<Seq> = positionBefore
    const from = this.pushedSeq ?? undefined
    this.pushedSeq = null
    const { pushedSeq } = await runOutbox(repo, mirror, projectId, user, {
      from,
      onCopied: async (written) => {
        const ids = written.map((doc) => doc._id)
        // Before anything is awaited: live replication starts pushing them as soon as the mirror reports them,
        // and then sends them without asking the server and without reading them back from the mirror.
        this.newEvents.add(ids)
        this.mirrorReads.keepWritten(written)
        // The copies are at or before the mirror's current position.
        const { update_seq } = await mirror.info()
        for (const id of ids) unpushed.set(id, update_seq)
        await this.passOwnCopies(await mirrorSeq, update_seq, ids.length)
        mirrorSeq = update_seq
        onCopied?.()
      },
    })
    this.pushedSeq = pushedSeq
    await this.refreshPending()
  }

  /**
   * When the inbox had read the mirror up to `before` and the outbox's copies are all that was written since
   * (the position moved by exactly their number), the inbox cursor moves past them: the inbox would only have
   * read them to find they are this machine's own. In the queue, so the inbox is not running meanwhile.
   */
  private async passOwnCopies(before: Seq, after: Seq, copied: number): Promise<void> {
    if (typeof before !== 'number' || typeof after !== 'number' || after - before !== copied) return
    const { repo, projectId } = this.options
    const { inboxSince } = await repo.state(projectId)
    if (inboxSince === before) await repo.saveState(projectId, { inboxSince: after })
  }

  /** Merges teammates' events that reached the mirror. */
  mergeIncoming(): Promise<InboxResult> {
    return this.serial(() => this.mergeFromMirror())
  }

  /** An inbox run: what reached the mirror, less what was merged on arrival. */
  private mergeFromMirror(): Promise<InboxResult> {
    const { repo, team, mirror, projectId } = this.options
    return runInbox(repo, team, mirror, projectId, this.notMergedOnArrival)
  }

  /**
   * Live sync merges a teammate's events as soon as the server's change feed brings them, through the inbox's
   * merge, instead of after replication has written them into the mirror and the inbox has read them back: in
   * Chromium, that writing and reading took 20–35 ms of a decision's 110 ms trip to a teammate. The inbox still
   * reads them from the mirror (its cursor moves as before) and skips those merged here; an event whose merge here
   * failed, or that was forgotten, it merges itself (merging twice changes nothing). Outside the serial queue, so
   * an outbox run does not hold it up; merges on arrival run one after another.
   */
  private mergeOnArrival(docs: PouchDoc[]): void {
    if (docs.length > arrivalMergeLimit) return
    const events = docs.flatMap((doc) => readEventDoc(doc) ?? [])
    if (events.length === 0) return
    const { repo, team, projectId } = this.options
    const merging = this.arrivals.then(() =>
      mergeTeammatesEvents(repo, team, projectId, events, emptyInboxResult()),
    )
    this.arrivals = merging.then(
      () => undefined,
      () => undefined,
    )
    for (const event of events) {
      const key = revisionKey(event)
      const merged = merging.then(
        (own) => {
          // This machine's own events (echoed by the server) are never in the inbox's way: nothing to remember.
          if (own.has(event._id)) this.mergedOnArrival.delete(key)
          return true
        },
        () => false,
      )
      setNewest(this.mergedOnArrival, key, merged, arrivalMemory)
    }
  }

  /** The inbox's question: which of these events were not merged on arrival (see {@link mergeOnArrival}). */
  private readonly notMergedOnArrival: NotYetMerged = async (docs) => {
    if (this.mergedOnArrival.size === 0) return docs
    const left: SyncEventDoc[] = []
    for (const doc of docs) {
      const key = revisionKey(doc)
      const merged = this.mergedOnArrival.get(key)
      this.mergedOnArrival.delete(key)
      if (!merged || !(await merged)) left.push(doc)
    }
    return left
  }

  /**
   * "Sync now": outbox, replication both ways, inbox. Resolves when done; errors are in the status. The pull runs
   * from the start; pushing starts as soon as the outbox's first batch is in the mirror, so sending overlaps
   * copying. A one-shot push ends when it finds no new change, which can happen between two outbox batches, so
   * pushes follow one another while the outbox copies, and one more sends what is left.
   */
  async syncOnce(): Promise<SyncStatus> {
    try {
      this.update({ state: 'syncing', error: null })
      this.checkpoints.forget()
      const pulling = this.pullOnce()
      // Failures are reported by the awaits below; these only keep a failure meanwhile from going unhandled.
      void pulling.catch(() => undefined)
      const push = { isCopying: true, rounds: null as Promise<void> | null }
      const keepPushing = async (): Promise<void> => {
        do await this.pushOnce()
        while (push.isCopying)
      }
      await this.pushLocal(() => {
        push.rounds ??= keepPushing()
        void push.rounds.catch(() => undefined)
      }).finally(() => {
        push.isCopying = false
      })
      await push.rounds
      if (!push.rounds || (await this.unpushedEvents()).size > 0) await this.pushOnce()
      await pulling
      await this.mergeIncoming()
      await this.checkingRefusals
      await this.serial(async () => {
        await this.confirmPushed()
        await this.synced()
      })
    } catch (error) {
      this.update({ state: 'error', error: describeSyncError(error) })
    }
    return this.status
  }

  /** One push of the mirror to the server, to its end (not live). */
  private async pushOnce(): Promise<void> {
    const { mirror, remote } = this.options
    const push = mirror.replicate.to(remote, { batch_size: batchSize, filter: (doc) => this.isToPush(doc) })
    this.watchPush(push)
    const result = (await push) as { last_seq?: Seq }
    if (result.last_seq !== undefined) this.passPushCheckpoint(result.last_seq)
  }

  /** One pull of the server's changes into the mirror, to its end (not live). */
  private async pullOnce(): Promise<void> {
    const { mirror, remote } = this.options
    const pull = mirror.replicate.from(remote, { batch_size: batchSize, filter: this.feed.filter })
    this.watchPull(pull)
    try {
      await pull
    } finally {
      this.feed.forget()
    }
  }

  /**
   * Live sync while connected: replication keeps running and retries with back-off after network loss or sleep;
   * pulled changes are merged as they arrive. Call {@link pushLocalSoon} when local events are written.
   *
   * The outbox first copies what waits to be sent into the mirror, then replication starts. Copying while
   * replication reads the mirror makes both wait on the same IndexedDB stores and share the page's main thread: in
   * Chromium a first push of 10,000 events took 10.0 and 10.7 s that way against 7.6–9.4 s copying first, with no
   * long tasks instead of up to 105 ms (`npm run bench:sync:browser`). The pull waits only for the copy, which is
   * instant unless much was written offline.
   */
  start(): void {
    if (this.replication || this.isCopyingFirst) return
    this.isCopyingFirst = true
    const run = this.startRun
    this.update({ state: 'syncing', error: null })
    void this.pushLocal()
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.isCopyingFirst = false
        // A failed copy is reported and tried again by the next outbox run; teammates' work still comes in.
        if (run === this.startRun) this.startReplication()
      })
  }

  private startReplication(): void {
    if (this.replication) return
    this.checkpoints.forget()
    const replication = this.options.mirror.sync(this.options.remote, {
      ...this.replicationOptions(),
      live: true,
      retry: true,
      back_off_function: (delay) => (delay === 0 ? 500 : Math.min(delay * 2, 30_000)),
    })
    this.replication = replication
    // Each direction reports its own pauses with the failure that caused them (the sync as a whole drops it).
    for (const name of ['push', 'pull'] as const) {
      const direction = this.directions[name]
      direction.hasPaused = false
      replication[name]
        .on('active', () => {
          direction.active = true
          direction.error = null
        })
        .on('paused', (error: unknown) => {
          direction.active = false
          direction.hasPaused = true
          direction.error = error ?? null
          if (error) this.checkpoints.forget()
          if (name === 'pull') this.feed.forget()
        })
        .on('requestError', (error: unknown) => {
          direction.error = error
          // Replication starts over after a failure and reads its checkpoints again: from the server.
          this.checkpoints.forget()
        })
    }
    this.watchPush(replication.push, () => this.update({ state: 'syncing', error: null }))
    this.watchPull(replication.pull, () => this.scheduleMerge())
    this.stopHearingFeed = this.feed.listen((docs) => this.mergeOnArrival(docs))
    replication
      .on('active', () => this.update({ state: 'syncing', error: null }))
      // Both directions paused: caught up, or waiting to retry after a failure.
      .on('paused', () => void this.checkServer())
      .on('error', (error: unknown) => this.fail(error))
  }

  /** Stops live sync; the mirror and both cursors stay, so the next start resumes where this one stopped. */
  async stop(): Promise<void> {
    // A start still copying does not go on to replicate.
    this.startRun++
    this.replication?.cancel()
    this.replication = null
    this.stopHearingFeed?.()
    this.stopHearingFeed = null
    this.mirrorReads.forgetWritten()
    for (const direction of Object.values(this.directions)) {
      direction.active = false
      direction.error = null
    }
    await this.queue.catch(() => undefined)
    await this.arrivals
    await this.savingPushedTo
    this.update({ state: 'idle' })
  }

  current(): SyncStatus {
    return this.status
  }

  /**
   * Options of live sync ("sync now" uses the same batches and filters). Pushing skips documents that were just
   * pulled (they come from the server, so asking it whether it has them is wasted work); anything else in the
   * mirror, even an edit of a pulled document, is pushed and judged by the server's validation. Checkpoints stay on
   * both sides (PouchDB's default): one kept only here would not notice a server database restored from a backup,
   * and events written after the backup would never be sent again, or pulled (see {@link rememberCheckpoints}
   * for what they cost).
   */
  private replicationOptions(): ReplicationOptions {
    return {
      batch_size: batchSize,
      push: { filter: (doc) => this.isToPush(doc) },
      // Brings the changed documents with the changes (see takeDocsFromFeed).
      pull: { filter: this.feed.filter },
    }
  }

  private isToPush(doc: PouchDoc): boolean {
    if (!this.pulled.has(doc._id) || this.pulled.get(doc._id) !== doc._rev) return true
    // Each change of the mirror reaches the push once: the entry is no longer needed.
    this.pulled.delete(doc._id)
    return false
  }

  /** Follows a push: what it wrote or the server refused, and how far its checkpoint got. */
  private watchPush(push: PouchEmitter, onChange?: () => void): void {
    push.on('checkpoint', (info: Checkpoint) => {
      if (info.checkpoint !== undefined) this.passPushCheckpoint(info.checkpoint)
    })
    push.on('denied', (refusal: Refusal) => {
      const id = refusal.id ?? ''
      this.unpushed?.delete(id)
      this.refusalsToCheck.set(id, refusal.reason ?? refusal.message ?? 'refused by the server')
      // A batch's refusals come one after another: they are checked together.
      this.checkingRefusals ??= Promise.resolve().then(() => this.checkRefusals())
    })
    push.on('change', (info: ReplicationChange) => {
      for (const doc of info.docs ?? []) this.unpushed?.delete(doc._id)
      onChange?.()
      if (this.unpushed) this.update({ pending: this.notCopied + this.unpushed.size })
    })
  }

  /** Follows a pull: what it brought is remembered, so pushing does not send it back. */
  private watchPull(pull: PouchEmitter, onChange?: () => void): void {
    pull.on('change', (info: ReplicationChange) => {
      for (const doc of info.docs ?? []) this.pulled.set(doc._id, doc._rev)
      onChange?.()
    })
  }

  /**
   * Reports what the server refused, except events it holds at the revision this machine sent: sent again after the
   * mirror was made anew, such an event was already there (see sendNewEventsUnasked in mirror-reads.ts). When the
   * server cannot be asked, every refusal is reported.
   */
  private async checkRefusals(): Promise<void> {
    while (this.refusalsToCheck.size > 0) {
      const refusals = this.refusalsToCheck
      this.refusalsToCheck = new Map()
      const keys = [...refusals.keys()]
      const held = new Set<string>()
      try {
        const [mine, theirs] = await Promise.all([
          this.options.mirror.allDocs({ keys }),
          this.options.remote.allDocs({ keys }),
        ])
        const revs = new Map(mine.rows.flatMap((row) => ('error' in row ? [] : [[row.key, row.value.rev]])))
        for (const row of theirs.rows) {
          if (!('error' in row) && !row.value.deleted && revs.get(row.key) === row.value.rev)
            held.add(row.key)
        }
      } catch {
        // Reported as refused, as the server said.
      }
      const refused = keys.flatMap((id) => (held.has(id) ? [] : [{ id, reason: refusals.get(id) ?? '' }]))
      if (refused.length) this.update({ refused: [...this.status.refused, ...refused].slice(-50) })
    }
    this.checkingRefusals = null
  }

  /** Merges what was pulled; changes arriving while a merge runs are taken by one more run, not one each. */
  private scheduleMerge(): void {
    if (this.mergeScheduled) return
    this.mergeScheduled = true
    void this.serial(() => {
      this.mergeScheduled = false
      return this.mergeFromMirror()
    }).catch((error: unknown) => this.fail(error))
  }

  /**
   * After both directions paused: caught up (every local event of the mirror on the server), waiting to retry
   * after a failure (offline if the server cannot be reached), or local events still on their way.
   */
  private async checkServer(): Promise<void> {
    try {
      // In the queue, so the answer cannot be overtaken by an outbox run that copies new events meanwhile.
      await this.serial(async () => {
        if (this.isReplicating()) return
        const failure = this.directions.push.error ?? this.directions.pull.error
        if (failure) {
          // Replication waits to retry; asking the server tells a lost connection from a passing failure.
          await this.probeServer()
          await this.refreshPending()
          this.update({ state: 'syncing', error: null })
          return
        }
        const isPushed = await this.confirmPushed()
        await this.checkingRefusals
        if (this.isReplicating()) return
        if (isPushed) await this.synced()
        else {
          await this.refreshPending()
          this.update({ state: 'syncing', error: null })
        }
      })
    } catch (error) {
      await this.refreshPending().catch(() => undefined)
      this.update({ state: 'offline', error: describeSyncError(error) })
    }
  }

  /**
   * Whether a direction is replicating, or has not caught up once since live sync started: PouchDB's sync counts a
   * direction as paused until it first becomes active, so when pushing finds nothing to send before the first pull
   * answer arrives, it reports both directions paused while a teammate's events are still on their way.
   */
  private isReplicating(): boolean {
    const { push, pull } = this.directions
    return push.active || pull.active || !push.hasPaused || !pull.hasPaused
  }

  /**
   * Whether pushing has dealt with every local event of the mirror. Replication reports what it wrote or was
   * refused and how far its checkpoint got, so usually nothing is left; events it may have passed unreported
   * (found already on the server after a dropped connection, or a checkpoint written just before the app
   * stopped) are looked up on the server.
   */
  private async confirmPushed(): Promise<boolean> {
    const unpushed = await this.unpushedEvents()
    if (unpushed.size === 0) return true
    const { rows } = await this.options.remote.allDocs({ keys: [...unpushed.keys()] })
    for (const row of rows) if (!('error' in row)) unpushed.delete(row.id)
    return unpushed.size === 0
  }

  /** The push's checkpoint passed `seq`: the local events before it are dealt with. */
  private passPushCheckpoint(seq: Seq): void {
    if (compareSeqs(seq, this.pushedTo) <= 0) return
    this.pushedTo = seq
    if (this.unpushed) {
      for (const [id, at] of this.unpushed) if (compareSeqs(at, seq) <= 0) this.unpushed.delete(id)
    }
    this.savePushedTo()
  }

  /** Keeps the push checkpoint with the mirror (one write at a time; the latest position wins). */
  private savePushedTo(): void {
    if (this.savingPushedTo) {
      this.savePushedToAgain = true
      return
    }
    const { mirror } = this.options
    this.savingPushedTo = (async () => {
      do {
        this.savePushedToAgain = false
        await saveSeq(mirror, pushedDocId, this.pushedTo)
      } while (this.savePushedToAgain)
    })()
      .catch(() => undefined)
      .finally(() => {
        this.savingPushedTo = null
      })
  }

  /** Up to date: saves when (in the queue). */
  private async synced(): Promise<void> {
    const { repo, projectId } = this.options
    const lastSyncAt = new Date().toISOString()
    await repo.saveState(projectId, { lastSyncAt })
    await this.refreshPending()
    this.update({ state: 'up-to-date', lastSyncAt, error: null })
  }

  /**
   * The local events in the mirror that pushing has not dealt with: read once per session from the mirror's
   * changes after the saved push position, then kept up to date as events are copied and replicated.
   */
  private async unpushedEvents(): Promise<Map<string, Seq>> {
    if (this.unpushed) return this.unpushed
    const { mirror, repo } = this.options
    const since = await readSeq(mirror, pushedDocId)
    const changes = await mirror.changes({ since })
    const own = await repo.localEventIds(changes.results.map((change) => change.id))
    if (!this.unpushed) {
      this.unpushed = new Map(
        changes.results.filter((change) => own.has(change.id)).map((change) => [change.id, change.seq]),
      )
      if (compareSeqs(since, this.pushedTo) > 0) this.pushedTo = since
    }
    return this.unpushed
  }

  /** Counts local events not yet copied (a read of the event log) and those copied but not yet pushed. */
  private async refreshPending(): Promise<void> {
    const { repo, projectId } = this.options
    const pushedSeq = this.pushedSeq ?? (await repo.state(projectId)).pushedSeq
    this.notCopied = await repo.countAfter(projectId, pushedSeq)
    this.update({ pending: this.notCopied + (await this.unpushedEvents()).size })
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

/** An event document's revision, as the server's change feed and the mirror both name it. */
function revisionKey(doc: SyncEventDoc): string {
  return `${doc._id} ${doc._rev ?? ''}`
}

/**
 * Orders two positions of the mirror's change feed. Local PouchDB adapters number their changes; anything else is
 * compared by its leading number (CouchDB's `12-g1AAAA…`), and an unknown position counts as the start.
 */
export function compareSeqs(a: Seq, b: Seq): number {
  const number = (seq: Seq): number => (typeof seq === 'number' ? seq : Number.parseInt(seq, 10) || 0)
  return number(a) - number(b)
}

async function readSeq(mirror: PouchDatabase, id: string): Promise<Seq> {
  try {
    const doc = await mirror.get(id)
    return typeof doc.seq === 'number' || typeof doc.seq === 'string' ? doc.seq : 0
  } catch {
    return 0
  }
}

async function saveSeq(mirror: PouchDatabase, id: string, seq: Seq): Promise<void> {
  const existing = await mirror.get(id).catch(() => null)
  if (existing?.seq === seq) return
  await mirror.put({ _id: id, ...(existing?._rev ? { _rev: existing._rev } : {}), seq })
}

/** The remotes whose `info` was replaced, with the original (a second session on the same remote finds it here). */
const originalInfo = new WeakMap<PouchDatabase, PouchDatabase['info']>()

/**
 * Replication reads the server's `info()` only to show progress (PouchDB 9: when it starts and after every
 * batch it pulls), which costs a request each time, and its rejection is not handled there (a network drop
 * during a pull would surface as an unhandled rejection). The remote's `info` is replaced by one that answers a
 * placeholder without asking the server. Returns the original `info`, used to probe the server.
 */
function quietRemote(remote: PouchDatabase): () => Promise<unknown> {
  const known = originalInfo.get(remote)
  if (known) return known
  const original = remote.info.bind(remote)
  originalInfo.set(remote, original)
  remote.info = () => Promise.resolve({ doc_count: 0, update_seq: 0 })
  return original
}

type CheckpointMemory = { forget(): void }

/**
 * PouchDB writes a replication checkpoint on the server after every batch (live: after every change), and reads
 * it back from the server each time before writing it. The remote's `get` and `put` are wrapped so that a
 * checkpoint (`_local/` document) this session read or wrote is read back from memory: one request less per
 * batch and direction, and the same checkpoints on the server as before. The memory is forgotten whenever
 * replication starts (over), so it then reads and compares its checkpoints with the server's (a server database
 * restored from a backup is noticed); a failed write (say, a conflict with another session) forgets that one.
 * PouchDB queues calls made before a database is set up and then makes them again by name, so such a call comes
 * through these wrappers twice: harmless, as neither waits on an earlier call (a memo of a pending answer would
 * wait on itself).
 */
function rememberCheckpoints(remote: PouchDatabase): CheckpointMemory {
  const existing = checkpointMemories.get(remote)
  if (existing) return existing
  /** Checkpoints as last read from or written to the server, as JSON (callers change the objects they get). */
  const known = new Map<string, string>()
  const get = remote.get.bind(remote)
  const put = remote.put.bind(remote)
  remote.get = async (id, options) => {
    if (options !== undefined || !id.startsWith('_local/')) return get(id, options)
    const json = known.get(id)
    if (json !== undefined) return JSON.parse(json) as PouchDoc
    const doc = await get(id)
    known.set(id, JSON.stringify(doc))
    return doc
  }
  remote.put = async (doc, options) => {
    try {
      const result = await (options === undefined ? put(doc) : put(doc, options))
      if (doc._id.startsWith('_local/') && result.rev) {
        known.set(doc._id, JSON.stringify({ ...doc, _rev: result.rev }))
      }
      return result
    } catch (error) {
      known.delete(doc._id)
      throw error
    }
  }
  const memory = { forget: () => known.clear() }
  checkpointMemories.set(remote, memory)
  return memory
}

const checkpointMemories = new WeakMap<PouchDatabase, CheckpointMemory>()
