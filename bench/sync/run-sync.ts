// Team sync benchmark (`npm run bench:sync`): push 10,000 events, pull them into a fresh client, a no-op sync,
// live latency from a decision on one client to its arrival on another, and heap while 10,000 events stream in.
// The server (express-pouchdb, in memory) runs in a child process so the client's heap is measured alone.
// Clients use Dexie over fake-indexeddb and PouchDB's memory adapter (Node has no IndexedDB), so the figures
// are for the sync code and protocol, not for Chromium's IndexedDB. Results: bench/results/sync.json.
import 'fake-indexeddb/auto'

import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

import { createUser, setupReviewDatabase } from '../../couchdb/setup'
import type { PouchDoc } from '../../src/renderer/src/sync/pouch'
import { makeMachine, sharedRecords, type Machine } from '../../test/sync/client'
import { passwordOf, testAdminUrl } from '../../test/sync/server'
import { percentile } from '../percentile'
import { plainReplicationMs, serverDocCount } from './peer'

const eventCount = 10_000
const port = Number(process.env.SIFT_BENCH_SYNC_PORT ?? 5990)
const base = `http://127.0.0.1:${port}`

async function startServer(): Promise<() => void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/sync/serve.ts', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Sync test server') && done())
    child.on('exit', (code) => fail(new Error(`The sync server stopped (exit ${code}).`)))
  })
  return () => child.kill()
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const result = await work()
  return [result, performance.now() - start]
}

/**
 * Samples the heap every 250 ms while `work` runs, after a full GC (run with --expose-gc), so the figures are what
 * stays alive rather than garbage not yet collected. The next sample is 250 ms after the previous one ended: a full
 * GC of this heap can take that long on a busy machine, and back-to-back collections would starve the work. In
 * Node the mirror (memory adapter) and the Sift database (fake-indexeddb) live in this heap too, so it grows by the
 * stored data itself.
 */
async function heapDuring(
  work: () => Promise<unknown>,
): Promise<{ startMb: number; peakMb: number; endMb: number }> {
  globalThis.gc?.()
  const start = process.memoryUsage().heapUsed
  let peak = start
  let timer: NodeJS.Timeout | undefined
  const sample = (): void => {
    globalThis.gc?.()
    peak = Math.max(peak, process.memoryUsage().heapUsed)
    timer = setTimeout(sample, 250)
  }
  timer = setTimeout(sample, 250)
  await work()
  clearTimeout(timer)
  globalThis.gc?.()
  return { startMb: mb(start), peakMb: mb(peak), endMb: mb(process.memoryUsage().heapUsed) }
}

async function liveLatency(anna: Machine, ben: Machine, rounds: number): Promise<number[]> {
  anna.session.start()
  ben.session.start()
  const latencies: number[] = []
  for (let round = 0; round < rounds; round++) {
    const recordId = anna.recordIds[round] ?? ''
    const value = round % 2 ? 'include' : 'maybe'
    const start = performance.now()
    await anna.decisions.decide({
      projectId: anna.projectId,
      recordId,
      stage: 'full-text',
      reviewerId: anna.reviewer.id,
      value,
      reason: '',
    })
    await anna.session.pushLocalSoon() // in the app the commit of the decision does this
    const benRecord = ben.recordIds[round] ?? ''
    for (;;) {
      const arrived = await ben.db.decisions.get(`${benRecord}:full-text:${anna.reviewer.id}`)
      if (arrived?.value === value) break
      await new Promise((done) => setTimeout(done, 2))
    }
    latencies.push(performance.now() - start)
  }
  return latencies
}

/** A machine's own documents in its mirror (those with its user), as plain PouchDB would replicate them. */
async function ownDocs(machine: Machine, user: string): Promise<PouchDoc[]> {
  const { results } = await machine.mirror.changes({ since: 0, include_docs: true })
  return results.flatMap(({ id, doc }) => (!doc || id.startsWith('_') || doc.user !== user ? [] : [doc]))
}

/**
 * The peers of the push figures (see {@link plainReplicationMs}), each to a database of its own on the same
 * server: plain PouchDB replicating documents already in it, and writing them into it first. Run once before
 * Sift's push, after an untimed warm-up replication, and once at the end. Without the warm-up, whatever ran first
 * looked slowest: in one process the first replication of 10,000 documents took 3.3–3.8 s and the next ones
 * 2.4–2.9 s (most likely the JIT compiling the server's and the client's code as they run).
 */
async function peers(
  docs: PouchDoc[],
  admin: string,
  name: string,
  { warmUp = false } = {},
): Promise<{ replicateMs: number; writeAndReplicateMs: number }> {
  const server = { admin, base, user: 'anna' }
  if (warmUp) await plainReplicationMs(docs, { ...server, database: 'bench-warm-up' })
  const replicateMs = await plainReplicationMs(docs, { ...server, database: `bench-peer-${name}` })
  const writeAndReplicateMs = await plainReplicationMs(
    docs,
    { ...server, database: `bench-peer-${name}-written` },
    { timeWrites: true },
  )
  return { replicateMs, writeAndReplicateMs }
}

/**
 * Push after working offline while connected: live sync's outbox copies each event into the mirror as it is
 * written (`pushLocal` on every change of the event log), also while the server cannot be reached, so when the
 * connection returns only replication is left. `twin` is a second Anna machine, on a database of its own, whose
 * outbox has run; timed until the server answered the last upload.
 */
async function pushAfterOfflineWork(twin: Machine, admin: string): Promise<number> {
  const start = performance.now()
  await twin.session.syncOnce()
  const elapsed = (twin.network.lastBulkDocsAt ?? Number.NaN) - start
  const onServer = await serverDocCount(admin, 'bench-offline')
  if (onServer < eventCount)
    throw new Error(`The server has ${onServer} of ${eventCount} events after the push.`)
  return elapsed
}

async function main(): Promise<void> {
  const stopServer = await startServer()
  try {
    const admin = testAdminUrl(base)
    await createUser(admin, 'anna', passwordOf('anna'))
    await createUser(admin, 'ben', passwordOf('ben'))
    await setupReviewDatabase(admin, 'bench', ['anna', 'ben'])
    const records = sharedRecords(eventCount)
    const anna = await makeMachine({ serverUrl: base, database: 'bench', user: 'anna', records })
    await anna.decideAll('include')
    // Anna's twin: the same work on a database of its own, copied into its mirror as live sync does while offline.
    // Its documents are the peers' too.
    await setupReviewDatabase(admin, 'bench-offline', ['anna'])
    const twin = await makeMachine({ serverUrl: base, database: 'bench-offline', user: 'anna', records })
    await twin.decideAll('include')
    await twin.session.pushLocal()
    const peersBefore = await peers(await ownDocs(twin, 'anna'), admin, 'before', { warmUp: true })
    // Push: "Sync now" with Anna's 10,000 events in her Sift database and nothing in her mirror yet, timed until the
    // server holds all of them (its answer to the last upload; the count is checked on the server). The outbox copies
    // events into the mirror while replication sends them, so the two are not timed apart. The round goes on after
    // that (the inbox reads the mirror's new documents, and finds them all Anna's own): its end is reported too.
    const pushStart = performance.now()
    const [, roundMs] = await timed(() => anna.session.syncOnce())
    const pushMs = (anna.network.lastBulkDocsAt ?? Number.NaN) - pushStart
    // Anna's project also logged its creation and import: a couple of events more than the decisions.
    const onServer = await serverDocCount(admin, 'bench')
    if (onServer < eventCount)
      throw new Error(`The server has ${onServer} of ${eventCount} events after the push.`)
    const offlinePushMs = await pushAfterOfflineWork(twin, admin)
    await twin.close()
    await twin.db.delete()
    // The second round still reads the server's change feed past Anna's own 10,000 events (pushed while the first
    // round's pull ran); the third has nothing left to do.
    const [, echoMs] = await timed(() => anna.session.syncOnce())
    const [, noopMs] = await timed(() => anna.session.syncOnce())

    const ben = await makeMachine({ serverUrl: base, database: 'bench', user: 'ben', records })
    const [, pullMs] = await timed(() => ben.session.syncOnce())
    // Heap on another fresh client (the GC sampling slows it down, so it is not the one timed).
    const benAgain = await makeMachine({ serverUrl: base, database: 'bench', user: 'ben', records })
    const heap = await heapDuring(() => benAgain.session.syncOnce())
    await benAgain.close()
    const merged = (await ben.db.decisions.where('projectId').equals(ben.projectId).toArray()).filter(
      (d) => d.reviewerId === anna.reviewer.id,
    )
    if (merged.length !== eventCount)
      throw new Error(`Ben has ${merged.length} of Anna's ${eventCount} decisions.`)
    const latencies = await liveLatency(anna, ben, 30)
    // The same on a 200-record project: what the protocol costs without a large project to match records in.
    await setupReviewDatabase(admin, 'bench-small', ['anna', 'ben'])
    const small = sharedRecords(200)
    const annaSmall = await makeMachine({
      serverUrl: base,
      database: 'bench-small',
      user: 'anna',
      records: small,
    })
    const benSmall = await makeMachine({
      serverUrl: base,
      database: 'bench-small',
      user: 'ben',
      records: small,
    })
    const smallLatencies = await liveLatency(annaSmall, benSmall, 30)
    const peersAfter = await peers(await ownDocs(anna, 'anna'), admin, 'after')
    const peerMs = (peersBefore.replicateMs + peersAfter.replicateMs) / 2
    const writingPeerMs = (peersBefore.writeAndReplicateMs + peersAfter.writeAndReplicateMs) / 2
    const result = {
      events: eventCount,
      pushSeconds: pushMs / 1000,
      pushRoundSeconds: roundMs / 1000,
      pushAfterOfflineWorkSeconds: offlinePushMs / 1000,
      plainReplicationSeconds: {
        before: peersBefore.replicateMs / 1000,
        after: peersAfter.replicateMs / 1000,
      },
      plainWriteAndReplicationSeconds: {
        before: peersBefore.writeAndReplicateMs / 1000,
        after: peersAfter.writeAndReplicateMs / 1000,
      },
      pushVersusPlainReplication: pushMs / peerMs,
      pushVersusPlainWriteAndReplication: pushMs / writingPeerMs,
      pushAfterOfflineWorkVersusPlainReplication: offlinePushMs / peerMs,
      pullIntoFreshClientSeconds: pullMs / 1000,
      secondSyncMs: echoMs,
      noopSyncMs: noopMs,
      liveLatencyMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        max: Math.max(...latencies),
      },
      liveLatencySmallProjectMs: { p50: percentile(smallLatencies, 50), p95: percentile(smallLatencies, 95) },
      heapWhilePullingMb: heap,
    }
    console.log(`push ${eventCount} events (until the server has them): ${seconds(pushMs)}`)
    console.log(`  the whole sync round (then the inbox reads them):  ${seconds(roundMs)}`)
    console.log(`  after offline work (the outbox had copied them):   ${seconds(offlinePushMs)}`)
    const both = ({ before, after }: { before: number; after: number }): string =>
      `${seconds(before)} before, ${seconds(after)} after`
    const ratio = (ms: number, peer: number): string => `${(ms / peer).toFixed(2)}×`
    console.log(
      `  peer: plain PouchDB replicating them:             ${both({ before: peersBefore.replicateMs, after: peersAfter.replicateMs })}`,
    )
    console.log(
      `  peer: plain PouchDB writing, then replicating:     ${both({ before: peersBefore.writeAndReplicateMs, after: peersAfter.writeAndReplicateMs })}`,
    )
    console.log(
      `  push ÷ mean replicating peer ${ratio(pushMs, peerMs)}, ÷ mean writing peer ${ratio(pushMs, writingPeerMs)}; after offline work ÷ mean replicating peer ${ratio(offlinePushMs, peerMs)}`,
    )
    console.log(`pull them into a fresh client (replication + merge): ${seconds(pullMs)}`)
    console.log(`second sync (own events echoed by the server feed):  ${echoMs.toFixed(0)} ms`)
    console.log(`no-op sync:                                          ${noopMs.toFixed(0)} ms`)
    const live = (name: string, values: { p50: number; p95: number }) =>
      console.log(
        `live decision → teammate's database, ${name}: p50 ${values.p50.toFixed(0)} ms, p95 ${values.p95.toFixed(0)} ms`,
      )
    live(`${eventCount}-record project`, result.liveLatencyMs)
    live('200-record project', result.liveLatencySmallProjectMs)
    console.log(
      `heap while ${eventCount} events stream in:             start ${heap.startMb} MB, peak ${heap.peakMb} MB, end ${heap.endMb} MB`,
    )
    mkdirSync(resolve(import.meta.dirname, '../results'), { recursive: true })
    writeFileSync(
      resolve(import.meta.dirname, '../results/sync.json'),
      `${JSON.stringify(result, null, 2)}\n`,
    )
    await Promise.all([anna.close(), ben.close(), annaSmall.close(), benSmall.close()])
  } finally {
    stopServer()
  }
}

await main()
