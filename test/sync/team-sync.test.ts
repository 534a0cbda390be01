import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { adminEndpoint } from '../../couchdb/setup'
import { computeScreeningStatus } from '../../src/core/screening/status'
import { appendEvent } from '../../src/renderer/src/db/repos/events'
import type { PouchDoc } from '../../src/renderer/src/sync/pouch'
import { makeMachine, sharedRecords, type Machine } from './client'
import { nodePouchFactory } from './pouch-node'
import { startSyncServer, type SyncServer } from './server'

let server: SyncServer
let databaseCount = 0
const machines: Machine[] = []

beforeAll(async () => {
  server = await startSyncServer()
})
afterAll(async () => {
  await server.close()
})
afterEach(async () => {
  await Promise.all(machines.splice(0).map((machine) => machine.close()))
})

/** A fresh review database with `users` as its team, and one machine per user with the same records. */
async function newDatabase(users: string[]): Promise<string> {
  const database = `review-${++databaseCount}-${Date.now()}`
  await server.setupReview(database, users)
  return database
}

async function team(users: string[], recordCount: number, existing?: string): Promise<Machine[]> {
  const database = existing ?? (await newDatabase(users))
  const records = sharedRecords(recordCount)
  const made = await Promise.all(
    users.map((user) => makeMachine({ serverUrl: server.url, database, user, records })),
  )
  machines.push(...made)
  return made
}

async function conflictsOn(machine: Machine) {
  const decisions = await machine.db.decisions.where('projectId').equals(machine.projectId).toArray()
  const resolutions = await machine.db.resolutions.where('projectId').equals(machine.projectId).toArray()
  return computeScreeningStatus(decisions, resolutions).conflicts
}

async function eventDocs(machine: Machine): Promise<PouchDoc[]> {
  const changes = await machine.mirror.changes({ since: 0, include_docs: true })
  return changes.results.flatMap((change) => (change.doc && !change.id.startsWith('_') ? [change.doc] : []))
}

/** Event documents on the server (the design document left out), read as the server admin. */
async function serverEventCount(server: SyncServer, database: string): Promise<number> {
  const { base, headers } = adminEndpoint(server.adminUrl)
  const response = await fetch(`${base}/${database}`, { headers })
  return ((await response.json()) as { doc_count: number }).doc_count - 1
}

async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const start = Date.now()
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('team sync through a CouchDB-protocol server', () => {
  it('merges two reviewers who worked offline: both sets of decisions everywhere, each conflict listed once', async () => {
    const [anna, ben] = await team(['anna', 'ben'], 4)
    if (!anna || !ben) throw new Error('two machines expected')
    // Offline: nobody syncs while deciding. Record 0 agrees, record 1 disagrees, 2 and 3 are one each.
    await anna.decideOne(0, 'include')
    await anna.decideOne(1, 'include')
    await anna.decideOne(2, 'exclude')
    await ben.decideOne(0, 'include')
    await ben.decideOne(1, 'exclude')
    await ben.decideOne(3, 'include')
    // An event type this version does not know (as a newer Sift would write it) travels unchanged.
    await appendEvent(anna.db, {
      projectId: anna.projectId,
      actor: anna.reviewer.id,
      type: 'future.kind-of-work',
      entity: 'thing',
      entityId: 't1',
      after: { detail: 'kept' },
    })

    for (const machine of [anna, ben, anna]) {
      const status = await machine.session.syncOnce()
      expect(status.error).toBeNull()
    }
    for (const machine of [anna, ben]) {
      const decisions = await machine.db.decisions.where('projectId').equals(machine.projectId).toArray()
      expect(decisions).toHaveLength(6)
      expect(new Set(decisions.map((decision) => decision.reviewerId))).toEqual(
        new Set([anna.reviewer.id, ben.reviewer.id]),
      )
      const conflicts = await conflictsOn(machine)
      expect(conflicts).toHaveLength(1)
      expect(conflicts[0]?.recordId).toBe(machine.recordIds[1])
    }
    const future = (await eventDocs(ben)).find((doc) => doc.type === 'future.kind-of-work')
    expect(future).toMatchObject({ user: 'anna', after: { detail: 'kept' } })
    // Syncing again changes nothing: merging is idempotent.
    await ben.session.syncOnce()
    expect(await ben.db.decisions.where('projectId').equals(ben.projectId).count()).toBe(6)
    expect(await conflictsOn(ben)).toHaveLength(1)
  })

  it('refuses and reports a forged event and an edit of an existing event', async () => {
    const [anna, ben] = await team(['anna', 'ben'], 2)
    if (!anna || !ben) throw new Error('two machines expected')
    await anna.decideOne(0, 'include')
    await anna.session.syncOnce()
    await ben.session.syncOnce()
    const [annasEvent] = (await eventDocs(ben)).filter((doc) => doc.user === 'anna')
    if (!annasEvent) throw new Error("Anna's event should have reached Ben")
    // Ben's copy of the app is tampered with: it signs an event as Anna and rewrites Anna's decision.
    await ben.mirror.bulkDocs([
      { ...annasEvent, _id: 'ev_forged', _rev: undefined, id: 'ev_forged' },
      { ...annasEvent, after: { ...(annasEvent.after as object), value: 'exclude' }, user: 'ben' },
    ])
    const status = await ben.session.syncOnce()
    const reasons = status.refused.map((refused) => `${refused.id}: ${refused.reason}`)
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ev_forged: .*signed by "anna" but you are signed in as "ben"/),
        expect.stringMatching(/never changed or deleted/),
      ]),
    )
    await anna.session.syncOnce()
    const annasDocs = await eventDocs(anna)
    expect(annasDocs.map((doc) => doc._id)).not.toContain('ev_forged')
    expect(annasDocs.find((doc) => doc._id === annasEvent._id)?._rev).toBe(annasEvent._rev)
    const decisions = await anna.db.decisions.where('projectId').equals(anna.projectId).toArray()
    expect(decisions.map((decision) => decision.value)).toEqual(['include'])
  })

  it('resumes after the network is cut mid-sync, without losing or duplicating events', async () => {
    const database = await newDatabase(['anna', 'ben'])
    const [anna, ben] = await team(['anna', 'ben'], 1500, database)
    if (!anna || !ben) throw new Error('two machines expected')
    await anna.decideAll('include')
    // The network drops right after the first upload reached the server.
    anna.network.cutAfterBulkDocs = 1
    anna.session.start()
    await until(() => anna.session.current().state === 'offline', 'the session to notice', 30_000)
    expect(anna.session.current().error).toMatch(/cannot be reached/)
    expect(anna.session.current().pending).toBeGreaterThan(0)
    const onServer = await serverEventCount(server, database)
    expect(onServer).toBeGreaterThan(0)
    expect(onServer).toBeLessThan(1500)
    anna.network.isCut = false
    await until(() => anna.session.current().state === 'up-to-date', 'the push to resume', 60_000)

    expect((await ben.session.syncOnce()).error).toBeNull()
    const fromAnna = (await eventDocs(ben)).filter(
      (doc) => doc.user === 'anna' && doc.type === 'decision.set',
    )
    expect(fromAnna).toHaveLength(1500)
    expect(new Set(fromAnna.map((doc) => doc._id)).size).toBe(1500)
    const decisions = await ben.db.decisions.where('projectId').equals(ben.projectId).toArray()
    expect(decisions.filter((decision) => decision.reviewerId === anna.reviewer.id)).toHaveLength(1500)
  }, 120_000)

  it('starts live sync once the outbox has copied what waits, and not at all when stopped while copying', async () => {
    const database = await newDatabase(['anna'])
    const [anna] = await team(['anna'], 600, database)
    if (!anna) throw new Error('a machine expected')
    await anna.decideAll('include')
    const local = await anna.db.events.where('projectId').equals(anna.projectId).count()
    const mirrored = async () => (await eventDocs(anna)).length
    // How many times replication started, and the mirror's contents at that moment.
    let replications = 0
    const atReplication: Promise<number>[] = []
    const sync = anna.mirror.sync.bind(anna.mirror)
    anna.mirror.sync = (...args) => {
      replications++
      atReplication.push(mirrored())
      return sync(...args)
    }

    anna.session.start()
    await anna.session.stop()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(replications).toBe(0)
    expect(anna.network.bulkDocs).toBe(0)

    anna.session.start()
    await until(() => anna.session.current().state === 'up-to-date', 'the push', 30_000)
    expect(replications).toBe(1)
    // Every local event (less those that stay on this machine) was in the mirror before replication began.
    const [inMirror] = await Promise.all(atReplication)
    expect(inMirror).toBeGreaterThanOrEqual(600)
    expect(inMirror).toBeLessThanOrEqual(local)
    expect(await serverEventCount(server, database)).toBe(await mirrored())
  }, 60_000)

  it('joins outbox runs asked for while one waits, and runs again for events written after one started', async () => {
    const [anna] = await team(['anna'], 3)
    if (!anna) throw new Error('a machine expected')
    // Each outbox run ends by counting what is left to send.
    let runs = 0
    const countAfter = anna.syncRepo.countAfter.bind(anna.syncRepo)
    anna.syncRepo.countAfter = (...args) => {
      runs++
      return countAfter(...args)
    }
    await anna.decideOne(0, 'include')
    const asked = [anna.session.pushLocalSoon(), anna.session.pushLocalSoon(), anna.session.pushLocalSoon()]
    expect(new Set(asked).size).toBe(1)
    await Promise.all(asked)
    expect(runs).toBe(1)
    const copied = (await eventDocs(anna)).length
    expect(copied).toBeGreaterThan(0)

    await anna.decideOne(1, 'include')
    await anna.session.pushLocalSoon()
    expect(runs).toBe(2)
    expect((await eventDocs(anna)).length).toBe(copied + 1)
  })

  it('never sends pulled events back to the server', async () => {
    const [anna, ben] = await team(['anna', 'ben'], 600)
    if (!anna || !ben) throw new Error('two machines expected')
    await anna.decideAll('include')
    expect((await anna.session.syncOnce()).error).toBeNull()
    expect((await ben.session.syncOnce()).error).toBeNull()
    // Ben's mirror now holds Anna's 600 events; pushing them back would ask the server about each of them.
    ben.network.paths.length = 0
    expect((await ben.session.syncOnce()).error).toBeNull()
    expect(ben.network.paths.filter((path) => /_revs_diff|_bulk_docs/.test(path))).toEqual([])
    const before = ben.session.current().lastSyncAt
    ben.session.start()
    await until(() => ben.session.current().lastSyncAt !== before, 'live sync to settle')
    expect(ben.network.paths.filter((path) => /_revs_diff|_bulk_docs/.test(path))).toEqual([])
    // Ben's own work still goes out.
    await ben.decideOne(0, 'exclude')
    const uploads = ben.network.bulkDocs
    await ben.session.pushLocal()
    await until(() => ben.network.bulkDocs > uploads, 'the upload')
    await until(
      () => ben.session.current().state === 'up-to-date' && ben.session.current().pending === 0,
      'the push to be confirmed',
    )
    expect((await anna.session.syncOnce()).error).toBeNull()
    const decisions = await anna.db.decisions.where('projectId').equals(anna.projectId).toArray()
    const fromBen = decisions.filter((decision) => decision.reviewerId === ben.reviewer.id)
    expect(fromBen.map((decision) => decision.value)).toEqual(['exclude'])
  })

  it('loses nothing and duplicates nothing when the answer to an upload is lost', async () => {
    const database = await newDatabase(['anna'])
    const [anna] = await team(['anna'], 1200, database)
    if (!anna) throw new Error('a machine expected')
    await anna.decideAll('include')
    // The server keeps the second upload, but Anna's machine never hears back.
    anna.network.loseAnswerOfBulkDocs = 2
    const failed = await anna.session.syncOnce()
    expect(failed.state).toBe('error')
    expect(failed.pending).toBeGreaterThan(0)
    const synced = await anna.session.syncOnce()
    expect(synced.error).toBeNull()
    expect(synced.state).toBe('up-to-date')
    expect(synced.pending).toBe(0)
    const events = await anna.db.events.where('projectId').equals(anna.projectId).toArray()
    const sent = events.filter((event) => event.type !== 'team.import-work')
    expect(await serverEventCount(server, database)).toBe(sent.length)
  })

  it('counts what is still to send after the app restarts, and nothing once it is sent', async () => {
    const [anna] = await team(['anna'], 30)
    if (!anna) throw new Error('a machine expected')
    for (let index = 0; index < 10; index++) await anna.decideOne(index, 'include')
    expect((await anna.session.syncOnce()).pending).toBe(0)
    // Five more decisions copied into the mirror, then the app stops before they are sent.
    for (let index = 10; index < 15; index++) await anna.decideOne(index, 'include')
    await anna.session.pushLocal()
    expect(anna.session.current().pending).toBe(5)
    await anna.session.stop()

    // As in the app, the session starts on a remote database made just now (PouchDB sets it up meanwhile).
    const restarted = anna.newSession({ newRemote: true })
    await restarted.pushLocal()
    expect(restarted.current().pending).toBe(5)
    expect((await restarted.syncOnce()).pending).toBe(0)
    await restarted.stop()
    const again = anna.newSession()
    anna.network.paths.length = 0
    await again.pushLocal()
    expect(again.current().pending).toBe(0)
    expect(anna.network.paths).toEqual([])
    // Live sync started at once on a remote made just now (PouchDB queues calls until it is set up).
    const live = anna.newSession({ newRemote: true })
    live.start()
    await until(() => live.current().state === 'up-to-date', 'live sync on a new remote')
    await live.stop()
  })

  it('sends everything again to a server database restored from an empty backup', async () => {
    const database = await newDatabase(['anna', 'ben'])
    const [anna, ben] = await team(['anna', 'ben'], 40, database)
    if (!anna || !ben) throw new Error('two machines expected')
    await anna.decideAll('include')
    expect((await anna.session.syncOnce()).error).toBeNull()
    const sent = await serverEventCount(server, database)
    expect(sent).toBeGreaterThanOrEqual(40)
    // Live sync runs for a while (it remembers the checkpoints it writes), then the database is replaced.
    const replace = async () => {
      const { base, headers } = adminEndpoint(server.adminUrl)
      await fetch(`${base}/${database}`, { method: 'DELETE', headers })
      await server.setupReview(database, ['anna', 'ben'])
      expect(await serverEventCount(server, database)).toBe(0)
    }
    anna.session.start()
    await until(() => anna.session.current().state === 'up-to-date', 'live sync')
    await anna.session.stop()
    await replace()
    expect((await anna.session.syncOnce()).error).toBeNull()
    expect(await serverEventCount(server, database)).toBe(sent)
    // The same when live sync starts.
    await replace()
    anna.session.start()
    await until(async () => (await serverEventCount(server, database)) === sent, 'live sync to send again')
    expect((await ben.session.syncOnce()).error).toBeNull()
    const decisions = await ben.db.decisions.where('projectId').equals(ben.projectId).toArray()
    expect(decisions.filter((decision) => decision.reviewerId === anna.reviewer.id)).toHaveLength(40)
  })

  it('sends new events without asking the server first, and does not report those it already had as refused', async () => {
    const database = await newDatabase(['anna'])
    const [anna] = await team(['anna'], 30, database)
    if (!anna) throw new Error('one machine expected')
    await anna.decideAll('include')
    expect((await anna.session.syncOnce()).error).toBeNull()
    const sent = await serverEventCount(server, database)
    expect(sent).toBeGreaterThanOrEqual(30)
    // The events were new to the mirror: nobody asked the server whether it had them.
    expect(anna.network.paths.filter((path) => path.endsWith('/_revs_diff'))).toEqual([])

    // The mirror is made anew from the event log (its cursors start over): every event is new to it again, and
    // sent again without asking. The server already has them; they are not refusals.
    await anna.syncRepo.saveState(anna.projectId, { pushedSeq: 0, inboxSince: 0 })
    const mirror = nodePouchFactory(`mirror-again-${Math.random()}`)
    const again = anna.newSession({ mirror })
    const status = await again.syncOnce()
    expect(status.error).toBeNull()
    expect(status.refused).toEqual([])
    expect(status.state).toBe('up-to-date')
    expect(await serverEventCount(server, database)).toBe(sent)
    await mirror.destroy()
  })

  it('is not up to date after connecting until the first pull has answered', async () => {
    const [anna, ben] = await team(['anna', 'ben'], 30)
    if (!anna || !ben) throw new Error('two machines expected')
    await anna.decideAll('include')
    expect((await anna.session.syncOnce()).error).toBeNull()
    // Ben has nothing to send, so pushing pauses at once, long before the server's first answer to his pull.
    ben.network.delayChangesMs = 300
    ben.session.start()
    await until(() => ben.session.current().state === 'up-to-date', "Ben's live sync")
    const decisions = await ben.db.decisions.where('projectId').equals(ben.projectId).toArray()
    const annas = decisions.filter((decision) => decision.reviewerId === anna.reviewer.id).length
    await ben.session.stop()
    expect(annas).toBe(30)
  })

  it("merges a teammate's live decision as it arrives, before it is in the sync database, and only once", async () => {
    const [anna, ben] = await team(['anna', 'ben'], 5)
    if (!anna || !ben) throw new Error('two machines expected')
    anna.session.start()
    ben.session.start()
    await until(
      () => anna.session.current().state === 'up-to-date' && ben.session.current().state === 'up-to-date',
      'both connected',
    )
    // Ben's sync database holds back what his pull writes into it (replication writes with new_edits: false).
    let release = (): void => undefined
    const held = new Promise<void>((done) => (release = done))
    const mirrored = ben.mirror as unknown as { bulkDocs(...args: unknown[]): Promise<unknown> }
    const bulkDocs = mirrored.bulkDocs.bind(mirrored)
    mirrored.bulkDocs = async (...args) => {
      if ((args[0] as { new_edits?: boolean }).new_edits === false) await held
      return bulkDocs(...args)
    }
    const merges = () => ben.db.events.filter((event) => event.type === 'team.import-work').count()
    const mergesBefore = await merges()
    const annasDocsOnBen = async () => (await eventDocs(ben)).filter((doc) => doc.user === 'anna').length
    const annasDocsBefore = await annasDocsOnBen()
    const annasOnBen = async () =>
      (await ben.db.decisions.where('projectId').equals(ben.projectId).toArray()).filter(
        (decision) => decision.reviewerId === anna.reviewer.id,
      ).length

    await anna.decideOne(0, 'include')
    await anna.session.pushLocalSoon()
    await until(async () => (await annasOnBen()) === 1, "Anna's decision on Ben's machine")
    expect(await annasDocsOnBen()).toBe(annasDocsBefore)
    expect(await merges()).toBe(mergesBefore + 1)

    // Written into the sync database after all, the event is read by the inbox, which does not merge it again.
    release()
    await until(
      async () => (await annasDocsOnBen()) === annasDocsBefore + 1,
      "Anna's event in Ben's sync database",
    )
    await ben.session.mergeIncoming()
    expect(await merges()).toBe(mergesBefore + 1)
    expect(await annasOnBen()).toBe(1)
  })

  it('replicates 10,000 events to a teammate', async () => {
    const [anna, ben] = await team(['anna', 'ben'], 10_000)
    if (!anna || !ben) throw new Error('two machines expected')
    await anna.decideAll('exclude')
    expect((await anna.session.syncOnce()).error).toBeNull()
    expect((await ben.session.syncOnce()).error).toBeNull()
    const decisions = await ben.db.decisions.where('projectId').equals(ben.projectId).toArray()
    expect(decisions.filter((decision) => decision.reviewerId === anna.reviewer.id)).toHaveLength(10_000)
    expect(ben.session.current().pending).toBe(0)
  }, 180_000)
})
