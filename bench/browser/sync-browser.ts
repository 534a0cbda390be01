// `npm run bench:sync:browser [-- --records N]`: team sync in headless Chromium, the app's real storage (Dexie and
// PouchDB's IndexedDB adapter) instead of the Node stand-ins of `bench:sync`. Anna imports N generated records,
// includes them all (N decision events) and connects to the CouchDB-protocol server (in a child process, behind the
// web build's `/couchdb` proxy, which stands where Electron's main process stands): the cold push, the outbox
// copying the events into the mirror while replication sends them. Ben, in a fresh browser profile with the same
// records, then connects and pulls them. As the peer in the same run, plain PouchDB replication in Node sends the
// same documents to another database on the same server. Results: bench/results/sync-browser-N.json.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Browser, Page } from '@playwright/test'

import { adminEndpoint, createUser, setupReviewDatabase } from '../../couchdb/setup'
import type { PouchDoc } from '../../src/renderer/src/sync/pouch'
import { passwordOf, testAdminUrl } from '../../test/sync/server'
import { generateRis } from '../import'
import { percentile } from '../percentile'
import { plainReplicationMs, serverDocCount } from '../sync/peer'
import {
  clearLongTasks,
  createProject,
  importFile,
  longTasksOf,
  recordLongTasks,
  recordsOption,
  startAppInChromium,
} from './app-in-chromium'
import { pouchPeerInChromium } from './pouch-peer'

const records = recordsOption(10_000)
const appPort = 4596
const serverPort = Number(process.env.SIFT_BENCH_SYNC_PORT ?? 5996)
const serverBase = `http://127.0.0.1:${serverPort}`
const database = 'bench-browser'
const root = path.resolve(import.meta.dirname, '../..')
const long = { timeout: Number(process.env.SIFT_BENCH_TIMEOUT ?? 900_000) }

type Server = { stop: () => void; cpuMs: () => number }

async function startServer(): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.SRVPROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/srvprof-b'] : []),
      '--import',
      '/tmp/exit-on-int.mjs',
      '--import',
      'tsx',
      'test/sync/serve.ts',
      String(serverPort),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Sync test server') && done())
    child.on('exit', (code) => fail(new Error(`The sync server stopped (exit ${code}).`)))
  })
  return {
    stop: () => child.kill(process.env.SRVPROF ? 'SIGINT' : 'SIGTERM'),
    cpuMs: () => processCpuMs(child.pid),
  }
}

/** CPU time (user + system) a process has used, read from /proc (Linux); NaN elsewhere. */
function processCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return Number.NaN
  }
}

/** CPU time this process (Playwright's driver and the web build's proxy to the server) has used. */
function ownCpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** A reviewer's machine: a fresh browser profile with a project holding the generated records. */
async function machineWithRecords(browser: Browser, base: string, file: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await recordLongTasks(page)
  // tsx names the functions of code this benchmark runs in the page with a __name() helper, which the page lacks.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f' })
  await page.goto(base)
  await createProject(page, 'Sync benchmark')
  await importFile(page, file, long.timeout)
  await section(page, 'Screen').click()
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: 'Start screening' }).click()
  await page.getByText(`Screening as ${name}`).waitFor()
  return page
}

/** Forgets the page's long tasks (over 50 ms on the main thread) so far; the returned function sums up the rest. */
async function watchLongTasks(page: Page): Promise<() => Promise<{ count: number; maxMs: number }>> {
  await clearLongTasks(page)
  return async () => {
    const tasks = await longTasksOf(page)
    return { count: tasks.length, maxMs: Math.round(Math.max(0, ...tasks)) }
  }
}

function section(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Project sections' }).getByRole('button', { name })
}

/** Records ▸ "Decision for all listed": includes every record (one decision event each). */
async function includeAll(page: Page): Promise<void> {
  await section(page, 'Records').click()
  await page.getByLabel('Decision for all listed').selectOption('include')
  await page.getByRole('button', { name: /^Apply to [\d,]+ records$/ }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Apply' }).click()
  await page.getByRole('status').filter({ hasText: 'records marked include' }).waitFor(long)
}

/** Settings ▸ Team sync ▸ Connect; returns when the button was pressed (performance.now() in this process). */
async function connect(page: Page, user: string): Promise<number> {
  await section(page, 'Settings').click()
  await page.getByRole('textbox', { name: 'Database' }).fill(database)
  await page.getByRole('textbox', { name: 'User name' }).fill(user)
  await page.getByRole('textbox', { name: 'Password' }).fill(passwordOf(user))
  const start = performance.now()
  await page.getByRole('button', { name: 'Connect' }).click()
  return start
}

async function waitUntilUpToDate(page: Page): Promise<void> {
  const status = page.getByRole('status', { name: 'Sync status' })
  await status
    .filter({ hasText: 'Status: Up to date' })
    .filter({ hasText: 'Waiting to send: 0 events' })
    .waitFor(long)
}

/**
 * When this page first sent documents to the server (`_bulk_docs`: replication has begun sending, the outbox's
 * copying is over) and when the server last answered an upload, in this process's clock, or NaN. Read after the
 * push is done: the time the server had the last of the documents, without asking it meanwhile.
 */
function uploads(page: Page): () => { firstSentAt: number; lastAnsweredAt: number } {
  let firstSentAt = Number.NaN
  let lastAnsweredAt = Number.NaN
  page.on('request', (request) => {
    if (Number.isNaN(firstSentAt) && new URL(request.url()).pathname.endsWith('/_bulk_docs'))
      firstSentAt = performance.now()
  })
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('/_bulk_docs')) lastAnsweredAt = performance.now()
  })
  return () => ({ firstSentAt, lastAnsweredAt })
}

/**
 * Live sync between two connected pages: `from` screens `rounds` records from the keyboard (exclude), and each
 * decision's trip is timed from the key press, as `from`'s page receives it (not when Playwright is asked to press:
 * that costs 10–20 ms before the page sees the key), to the moment it is in `to`'s Sift database (a read of one
 * index entry every 5 ms in `to`'s page; both clocks are the machine's). Returns milliseconds per decision.
 */
async function liveLatency(from: Page, to: Page, rounds: number): Promise<number[]> {
  await section(from, 'Screen').click()
  await from.getByRole('tab', { name: 'Screen records' }).click()
  const title = from
    .getByRole('article', { name: 'Record being screened' })
    .getByRole('heading', { level: 3 })
  const latencies: number[] = []
  let previous = ''
  await from.evaluate(() => {
    const keys = globalThis as unknown as { benchKeyAt: number }
    addEventListener('keydown', () => (keys.benchKeyAt = Date.now()), { capture: true })
  })
  for (let round = 0; round < rounds; round++) {
    // The next record once the last decision was taken.
    let text = previous
    while (text === previous) {
      text = (await title.textContent(long)) ?? ''
      if (text === previous) await new Promise((done) => setTimeout(done, 20))
    }
    previous = text
    const index = /intervention (\d+) /.exec(previous)?.[1]
    if (index === undefined) throw new Error(`Unexpected record on screen: ${previous}`)
    // Runs in `to`'s page: finds its record with the same DOI, then polls (without waiting here) for a second
    // title/abstract decision on it; the time it arrives is kept on the page.
    await to.evaluate(
      async ({ doi, timeoutMs }) => {
        const request = <T>(r: IDBRequest<T>): Promise<T> =>
          new Promise((done, fail) => {
            r.onsuccess = () => done(r.result)
            r.onerror = () => fail(r.error ?? new Error('An IndexedDB request failed.'))
          })
        const db = await request(indexedDB.open('sift'))
        const read = db.transaction(['projects', 'records'])
        const [projectId = ''] = await request(read.objectStore('projects').getAllKeys())
        const recordId = await request(
          read.objectStore('records').index('[projectId+doi]').getKey([projectId, doi]),
        )
        if (typeof recordId !== 'string') throw new Error(`No record with DOI ${doi}.`)
        const range = IDBKeyRange.bound(
          [recordId, 'title-abstract', ''],
          [recordId, 'title-abstract', '\uffff'],
        )
        const deadline = Date.now() + timeoutMs
        const arrival = (async () => {
          try {
            for (;;) {
              const decisions = db.transaction('decisions').objectStore('decisions')
              const count = await request(decisions.index('[recordId+stage+reviewerId]').count(range))
              if (count >= 2) return Date.now()
              if (Date.now() > deadline) throw new Error('The decision did not arrive.')
              await new Promise((done) => setTimeout(done, 5))
            }
          } finally {
            db.close()
          }
        })()
        ;(globalThis as unknown as { benchArrival: Promise<number> }).benchArrival = arrival
      },
      { doi: `10.5555/gen.${index}`, timeoutMs: 30_000 },
    )
    await from.locator('body').press('e')
    const pressedAt = await from.evaluate(() => (globalThis as unknown as { benchKeyAt: number }).benchKeyAt)
    const arrivedAt = await to.evaluate(
      () => (globalThis as unknown as { benchArrival: Promise<number> }).benchArrival,
    )
    latencies.push(arrivedAt - pressedAt)
  }
  return latencies
}

/** The page's JS heap in MB (Chromium's precise figure, after a full GC when `collect`). */
async function heapMb(page: Page, collect: boolean): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  if (collect) await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return Math.round((usedSize / 1024 / 1024) * 10) / 10
}

/**
 * With `--profile DIR`: records a CPU profile of the page from now until the returned function is called, written to
 * DIR/sync-browser-NAME.cpuprofile (open it in Chrome's DevTools). Without it, does nothing.
 */
async function profile(page: Page, name: string): Promise<() => Promise<void>> {
  const at = process.argv.indexOf('--profile')
  const dir = at < 0 ? undefined : process.argv[at + 1]
  if (!dir) return () => Promise.resolve()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.start')
  return async () => {
    const { profile } = await cdp.send('Profiler.stop')
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, `sync-browser-${name}.cpuprofile`), JSON.stringify(profile))
    await cdp.detach()
  }
}

/** The page's main-thread time (Chromium's Performance metrics, seconds) from now until the returned function. */
async function mainThreadMetrics(page: Page): Promise<() => Promise<Record<string, number>>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const names = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration']
  const read = async (): Promise<Map<string, number>> =>
    new Map((await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]))
  const before = await read()
  return async () => {
    const after = await read()
    await cdp.detach()
    return Object.fromEntries(
      names.map((name) => [
        name,
        Math.round(((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000) / 1000,
      ]),
    )
  }
}

/** Anna's event documents on the server, as the peer sends them. */
async function annasDocs(admin: string): Promise<PouchDoc[]> {
  const { base, headers } = adminEndpoint(admin)
  const response = await fetch(`${base}/${database}/_all_docs?include_docs=true`, { headers })
  const { rows } = (await response.json()) as { rows: { id: string; doc: PouchDoc }[] }
  return rows.flatMap(({ id, doc }) => (id.startsWith('_') || doc.user !== 'anna' ? [] : [doc]))
}

async function main(): Promise<void> {
  const server = await startServer()
  process.env.SIFT_SYNC_SERVER = serverBase
  const app = await startAppInChromium(appPort)
  const dir = mkdtempSync(path.join(tmpdir(), 'sift-sync-bench-'))
  try {
    const admin = testAdminUrl(serverBase)
    for (const user of ['anna', 'ben']) await createUser(admin, user, passwordOf(user))
    await setupReviewDatabase(admin, database, ['anna', 'ben'])
    const file = path.join(dir, `generated-${records}.ris`)
    writeFileSync(file, generateRis(records))

    const anna = await machineWithRecords(app.browser, app.base, file, 'Anna')
    await includeAll(anna)
    // Cold push: every decision still only in the Sift database, nothing in the mirror.
    const pageMetrics = await mainThreadMetrics(anna)
    const pushLongTasks = await watchLongTasks(anna)
    const stopProfile = await profile(anna, 'push')
    const [serverCpu, ownCpu] = [server.cpuMs(), ownCpuMs()]
    const uploaded = uploads(anna)
    const pushStart = await connect(anna, 'anna')
    await waitUntilUpToDate(anna)
    const roundMs = performance.now() - pushStart
    const pushCpu = { serverMs: server.cpuMs() - serverCpu, proxyAndDriverMs: ownCpuMs() - ownCpu }
    const pushMainThread = await pageMetrics()
    const pushTasks = await pushLongTasks()
    const { firstSentAt, lastAnsweredAt } = uploaded()
    const pushMs = lastAnsweredAt - pushStart
    const copyMs = firstSentAt - pushStart
    await stopProfile()
    const onServer = await serverDocCount(admin, database)
    if (onServer < records) throw new Error(`The server has ${onServer} of ${records} events after the push.`)

    const ben = await machineWithRecords(app.browser, app.base, file, 'Ben')
    const heapBefore = await heapMb(ben, true)
    let heapPeak = heapBefore
    let sampling = true
    const sampler = (async () => {
      while (sampling) {
        heapPeak = Math.max(heapPeak, await heapMb(ben, false))
        await new Promise((done) => setTimeout(done, 250))
      }
    })()
    const stopPullProfile = await profile(ben, 'pull')
    const pullLongTasks = await watchLongTasks(ben)
    const pullStart = await connect(ben, 'ben')
    await waitUntilUpToDate(ben)
    await stopPullProfile()
    const pullMs = performance.now() - pullStart
    const pullTasks = await pullLongTasks()
    sampling = false
    await sampler
    const heapAfter = await heapMb(ben, true)
    // Anna's decisions are on Ben's machine (he made none): all records count as screened there.
    await section(ben, 'Screen').click()
    await ben.getByRole('tab', { name: 'Team & agreement' }).click()
    await ben
      .getByRole('row', { name: /Records screened \(title & abstract\)/ })
      .filter({ hasText: records.toLocaleString('en-US') })
      .waitFor(long)

    // Live: Ben screens on his machine while both are connected; each decision's trip into Anna's database.
    const stopLiveProfiles = [await profile(ben, 'live-ben'), await profile(anna, 'live-anna')]
    const latencies = await liveLatency(ben, anna, 30)
    for (const stop of stopLiveProfiles) await stop()

    const docs = await annasDocs(admin)
    const peerMs = await plainReplicationMs(docs, {
      admin,
      base: serverBase,
      database: 'bench-peer',
      user: 'anna',
    })
    const browserPeer = await pouchPeerInChromium(app.browser, app.base, docs, {
      admin,
      database: 'bench-peer-browser',
      user: 'anna',
      password: passwordOf('anna'),
    })
    const browserPeerMs = browserPeer.writeMs + browserPeer.replicateMs
    const result = {
      records,
      events: docs.length,
      coldPushSeconds: pushMs / 1000,
      coldPushUntilUpToDateSeconds: roundMs / 1000,
      coldPushCopyingSeconds: copyMs / 1000,
      coldPushCpu: pushCpu,
      coldPushMainThread: pushMainThread,
      coldPushLongTasks: pushTasks,
      plainReplicationInNodeSeconds: peerMs / 1000,
      coldPushVersusPlainReplication: pushMs / peerMs,
      pouchDbInChromium: browserPeer,
      coldPushVersusPouchDbInChromium: pushMs / browserPeerMs,
      pullIntoFreshClientSeconds: pullMs / 1000,
      pullVersusPouchDbInChromium: pullMs / browserPeer.pullMs,
      pullLongTasks: pullTasks,
      liveLatencyMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        max: Math.max(...latencies),
      },
      pullHeapMb: { before: heapBefore, peak: heapPeak, after: heapAfter },
    }
    const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
    console.log(`Chromium, ${records} records, ${docs.length} of Anna's events on the server`)
    console.log(
      `cold push (Connect → server has them):  ${seconds(pushMs)}; until "Up to date": ${seconds(roundMs)}`,
    )
    console.log(
      `  copying into the sync database until replication first sent: ${seconds(copyMs)}; replicating: ${seconds(pushMs - copyMs)}`,
    )
    console.log(
      `  CPU until up to date: server ${pushCpu.serverMs.toFixed(0)} ms, web server's proxy and Playwright ${pushCpu.proxyAndDriverMs.toFixed(0)} ms`,
    )
    console.log(`  Anna's page main thread until up to date (s): ${JSON.stringify(pushMainThread)}`)
    console.log(`  long tasks (over 50 ms): ${pushTasks.count}, longest ${pushTasks.maxMs} ms`)
    console.log(
      `peers, same run: plain PouchDB replication of them in Node (memory adapter): ${seconds(peerMs)} (cold push ${(pushMs / peerMs).toFixed(2)}× that)`,
    )
    console.log(
      `  plain PouchDB in this Chromium (IndexedDB, same proxy): write them ${seconds(browserPeer.writeMs)} + replicate ${seconds(browserPeer.replicateMs)} = ${seconds(browserPeerMs)} (cold push ${(pushMs / browserPeerMs).toFixed(2)}× that)`,
    )
    console.log(
      `pull into a fresh profile (Connect → "Up to date"): ${seconds(pullMs)}; long tasks ${pullTasks.count}, longest ${pullTasks.maxMs} ms`,
    )
    console.log(
      `  peer: plain PouchDB in this Chromium pulling them into a fresh database: ${seconds(browserPeer.pullMs)} (pull ${(pullMs / browserPeer.pullMs).toFixed(2)}× that; Sift also merges them into its own database)`,
    )
    console.log(
      `live decision (key press on Ben's page → in Anna's database), ${latencies.length} decisions: p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, max ${Math.max(...latencies)} ms`,
    )
    console.log(`Ben's page heap: before ${heapBefore} MB, peak ${heapPeak} MB, after (GC) ${heapAfter} MB`)
    mkdirSync(path.join(root, 'bench/results'), { recursive: true })
    writeFileSync(
      path.join(root, `bench/results/sync-browser-${records}.json`),
      `${JSON.stringify(result, null, 2)}\n`,
    )
  } catch (error) {
    const pages = app.browser.contexts().flatMap((context) => context.pages())
    for (const [index, page] of pages.entries())
      await page.screenshot({ path: `/tmp/sync-bench-${index}.png` })
    throw error
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await app.close()
    server.stop()
  }
}

await main()
