import { adminEndpoint, setupReviewDatabase } from '../../couchdb/setup'
import type { PouchDoc } from '../../src/renderer/src/sync/pouch'
import { nodePouchFactory } from '../../test/sync/pouch-node'
import { authorizationOf } from '../../test/sync/server'

/** Documents per replication batch: the same as Sift's (session.ts). */
const batchSize = 500

/**
 * The peer of the push figures: plain PouchDB replication (no Sift code) of `docs` from a local memory database to
 * `database` (created here) on the server at `base`, as `user`, with the same validation function and batch size as
 * Sift's push. This is what the reference figure ("10,000 events pushed in about 2–3 s") measured: the docs
 * are put in the local database before the clock starts. With `timeWrites`, the clock starts before they are
 * written (in batches of 500, as Sift's outbox does): the peer of a push that first has to put its events into
 * PouchDB, as Sift's cold push does. Timed until the server answered the last upload, and the server's count is
 * checked. Returns milliseconds.
 */
export async function plainReplicationMs(
  docs: PouchDoc[],
  server: { admin: string; base: string; database: string; user: string },
  { timeWrites = false }: { timeWrites?: boolean } = {},
): Promise<number> {
  await setupReviewDatabase(server.admin, server.database, [server.user])
  const local = nodePouchFactory(`peer-${Math.random()}`)
  const fresh = docs.map(({ _rev: _unused, ...fields }) => fields)
  const write = async (): Promise<void> => {
    for (let at = 0; at < fresh.length; at += batchSize) await local.bulkDocs(fresh.slice(at, at + batchSize))
  }
  if (!timeWrites) await write()
  let lastBulkDocsAt = Number.NaN
  const authorization = authorizationOf(server.user)
  const withCredentials: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers)
    headers.set('authorization', authorization)
    const response = await fetch(input, { ...init, headers })
    if (String(input instanceof Request ? input.url : input).endsWith('/_bulk_docs'))
      lastBulkDocsAt = performance.now()
    return response
  }
  const remote = nodePouchFactory(`${server.base}/${server.database}`, {
    fetch: withCredentials,
    skip_setup: true,
  })
  const start = performance.now()
  if (timeWrites) await write()
  await local.replicate.to(remote, { batch_size: batchSize })
  const elapsed = lastBulkDocsAt - start
  const onServer = await serverDocCount(server.admin, server.database)
  if (onServer !== docs.length)
    throw new Error(`The peer replication left ${onServer} of ${docs.length} documents.`)
  await local.destroy()
  return elapsed
}

/** Event documents in a server database (its design document left out), asked as the server admin. */
export async function serverDocCount(adminUrl: string, database: string): Promise<number> {
  const { base, headers } = adminEndpoint(adminUrl)
  const response = await fetch(`${base}/${database}`, { headers })
  return ((await response.json()) as { doc_count: number }).doc_count - 1
}
