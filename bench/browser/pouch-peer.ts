import type { Browser } from '@playwright/test'
import { build } from 'vite'

import { setupReviewDatabase } from '../../couchdb/setup'
import type { PouchDoc } from '../../src/renderer/src/sync/pouch'

/** What plain PouchDB does in the same Chromium, with the same IndexedDB adapter, proxy and sign-in as the app. */
export type BrowserPeer = {
  /** Writing the documents into a local PouchDB database in batches of 500 (as Sift's outbox does into its mirror). */
  writeMs: number
  /** Replicating them from there to the server, until it answered the last upload. */
  replicateMs: number
  /** Replicating them back from the server into a fresh local database, to its end: the peer of the pull. */
  pullMs: number
}

const entryId = 'virtual:pouchdb-global'

/** `pouchdb-browser`, the app's PouchDB, bundled as a script that sets `globalThis.PouchDB`. */
async function pouchScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'pouchdb-global',
        // Vite makes a library entry an absolute path first.
        resolveId: (id) => (id.endsWith(entryId) ? entryId : undefined),
        load: (id) =>
          id === entryId ? "import PouchDB from 'pouchdb-browser'; globalThis.PouchDB = PouchDB" : undefined,
      },
    ],
    build: {
      write: false,
      minify: true,
      lib: { entry: entryId, formats: ['iife'], name: 'SiftBenchPouch', fileName: 'pouch' },
    },
  })
  const outputs = (Array.isArray(output) ? output : [output]) as {
    output?: { type: string; code?: string }[]
  }[]
  const chunk = outputs.flatMap((result) => result.output ?? []).find((item) => item.type === 'chunk')
  if (!chunk?.code) throw new Error('Could not bundle pouchdb-browser for the peer page.')
  return chunk.code
}

/**
 * The peer of the push in Chromium: a fresh browser profile opens a page on the app's origin (so requests take the
 * same `/couchdb` proxy and CouchDB session cookie), signs in as `user`, writes `docs` into a local PouchDB database
 * (IndexedDB), replicates it to `database` (created here) with the app's batch size, then pulls them from there
 * into a database of its own. No Sift code runs.
 */
export async function pouchPeerInChromium(
  browser: Browser,
  base: string,
  docs: PouchDoc[],
  server: { admin: string; database: string; user: string; password: string },
): Promise<BrowserPeer> {
  await setupReviewDatabase(server.admin, server.database, [server.user])
  const script = await pouchScript()
  const context = await browser.newContext()
  const page = await context.newPage()
  const pageUrl = new URL('bench-pouch-peer.html', base).toString()
  await page.route(pageUrl, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>PouchDB peer</title><script>${script.replaceAll('</script', '<\\/script')}</script>`,
    }),
  )
  // tsx names the functions of the code below with a __name() helper, which the page lacks.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f' })
  await page.goto(pageUrl)
  const input = {
    docs: docs.map(({ _rev: _unused, ...fields }) => fields),
    database: server.database,
    user: server.user,
    password: server.password,
  }
  // Runs in the page.
  const result = await page.evaluate(async ({ docs, database, user, password }) => {
    type Db = {
      bulkDocs(docs: unknown[]): Promise<unknown>
      replicate: {
        to(target: Db, options: object): Promise<unknown>
        from(source: Db, options: object): Promise<unknown>
      }
    }
    const PouchDB = (globalThis as unknown as { PouchDB: new (name: string, options?: object) => Db }).PouchDB
    const signIn = await fetch('couchdb/_session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: user, password }),
    })
    if (!signIn.ok) throw new Error(`Sign-in answered ${signIn.status}`)
    const local = new PouchDB(`peer-source-${Math.random()}`)
    // In batches of 500, as Sift's outbox writes them.
    const writeStart = performance.now()
    for (let at = 0; at < docs.length; at += 500) await local.bulkDocs(docs.slice(at, at + 500))
    const writeMs = performance.now() - writeStart
    let lastUploadAt = Number.NaN
    const remote = new PouchDB(new URL(`couchdb/${database}`, location.href).toString(), {
      skip_setup: true,
      fetch: async (url: string, options: RequestInit) => {
        const response = await fetch(url, options)
        if (new URL(url).pathname.endsWith('/_bulk_docs')) lastUploadAt = performance.now()
        return response
      },
    })
    const replicateStart = performance.now()
    await local.replicate.to(remote, { batch_size: 500 })
    const replicateMs = lastUploadAt - replicateStart
    const pullStart = performance.now()
    await new PouchDB(`peer-target-${Math.random()}`).replicate.from(remote, { batch_size: 500 })
    return { writeMs, replicateMs, pullMs: performance.now() - pullStart }
  }, input)
  await context.close()
  return result
}
