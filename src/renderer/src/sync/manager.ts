import PouchDB from 'pouchdb-browser'

import { db } from '../db/db'
import { createSyncRepo, type SyncAccount, type SyncRepo } from '../db/repos/sync'
import { createTeamRepo } from '../db/repos/team'
import type { Platform, SyncCredentialStorage } from '../platform/types'
import type { TeamRepo } from './inbox'
import type { PouchDatabase, PouchFactory } from './pouch'
import { SyncSession } from './session'
import { describeSyncError, type SyncStatus } from './status'

/** What the Team sync panel shows for one project. */
export type TeamSyncView = {
  account: SyncAccount | null
  status: SyncStatus
  /** How the sign-in is kept, once connected in this run of the app. */
  storage: SyncCredentialStorage | null
}

const idle: SyncStatus = { state: 'idle', lastSyncAt: null, pending: 0, refused: [], error: null }
const emptyView: TeamSyncView = { account: null, status: idle, storage: null }

type Running = { session: SyncSession; stopOutbox: () => void }

/** PouchDB in the renderer: IndexedDB for mirrors, the platform's `fetch` for the server. */
const browserPouch: PouchFactory = (nameOrUrl, options) =>
  new PouchDB(nameOrUrl, { ...options }) as PouchDatabase

/**
 * Team sync of every open project: one live {@link SyncSession} per connected project, its status for the UI,
 * and the outbox woken whenever a new event is written.
 */
export class TeamSyncManager {
  private readonly views = new Map<string, TeamSyncView>()
  private readonly running = new Map<string, Running>()
  private readonly listeners = new Set<() => void>()
  private readonly repo: SyncRepo
  private readonly team: TeamRepo
  private readonly platform: Platform
  private readonly pouch: PouchFactory

  constructor(options: { repo: SyncRepo; team: TeamRepo; platform: Platform; pouch: PouchFactory }) {
    this.repo = options.repo
    this.team = options.team
    this.platform = options.platform
    this.pouch = options.pouch
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  view(projectId: string): TeamSyncView {
    return this.views.get(projectId) ?? emptyView
  }

  /** Starts live sync of a project connected earlier (on this machine); does nothing otherwise. */
  async resume(projectId: string): Promise<void> {
    if (this.running.has(projectId)) return
    const state = await this.repo.state(projectId)
    this.set(projectId, {
      account: state.account,
      status: { ...this.view(projectId).status, lastSyncAt: state.lastSyncAt },
    })
    if (state.account) this.start(projectId, state.account)
  }

  /** Signs in (the password goes to the platform once), remembers the account and starts live sync. */
  async connect(projectId: string, account: SyncAccount, password: string): Promise<void> {
    await this.stop(projectId)
    const storage = await this.platform.sync.connect(account, password)
    await this.repo.saveState(projectId, { account })
    this.set(projectId, { account, storage })
    this.start(projectId, account)
  }

  /** Stops live sync and forgets the sign-in; the mirror stays, so reconnecting sends only what is new. */
  async disconnect(projectId: string): Promise<void> {
    const { account } = await this.repo.state(projectId)
    await this.stop(projectId)
    if (account) await this.platform.sync.disconnect(account)
    await this.repo.saveState(projectId, { account: null })
    this.set(projectId, {
      account: null,
      storage: null,
      status: { ...this.view(projectId).status, state: 'idle' },
    })
  }

  /** "Sync now": one full round (outbox, replication both ways, inbox). */
  async syncNow(projectId: string): Promise<void> {
    const running = this.running.get(projectId)
    if (!running) throw new Error('Connect to a sync server first.')
    await running.session.syncOnce()
  }

  private start(projectId: string, account: SyncAccount): void {
    const mirror = this.pouch(`sift-sync-${projectId}`)
    const remote = this.pouch(this.platform.sync.remoteUrl(account), {
      fetch: this.platform.sync.fetch,
      skip_setup: true,
    })
    const session = new SyncSession({
      repo: this.repo,
      team: this.team,
      projectId,
      user: account.user,
      mirror,
      remote,
      onStatus: (status) => this.set(projectId, { status }),
    })
    const stopOutbox = this.repo.onEventsWritten(
      () => void session.pushLocalSoon().catch((error: unknown) => this.report(projectId, error)),
    )
    this.running.set(projectId, { session, stopOutbox })
    session.start()
  }

  private async stop(projectId: string): Promise<void> {
    const running = this.running.get(projectId)
    if (!running) return
    this.running.delete(projectId)
    running.stopOutbox()
    await running.session.stop()
  }

  private report(projectId: string, error: unknown): void {
    this.set(projectId, {
      status: { ...this.view(projectId).status, state: 'error', error: describeSyncError(error) },
    })
  }

  private set(projectId: string, change: Partial<TeamSyncView>): void {
    this.views.set(projectId, { ...this.view(projectId), ...change })
    for (const listener of this.listeners) listener()
  }
}

let syncRepo: SyncRepo | null = null
let manager: TeamSyncManager | null = null

/**
 * Numbers events for the outbox from the first write on (call once at start, before anything is written).
 * Returns the app's sync repo.
 */
export function installAppSync(): SyncRepo {
  syncRepo ??= createSyncRepo(db)
  return syncRepo
}

/** The app's one sync manager, made on first use with the running platform. */
export function teamSync(platform: Platform): TeamSyncManager {
  manager ??= new TeamSyncManager({
    repo: installAppSync(),
    team: createTeamRepo(db),
    platform,
    pouch: browserPouch,
  })
  return manager
}
