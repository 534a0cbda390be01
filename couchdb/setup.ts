/**
 * Sets up one review's CouchDB database for Sift team sync: creates it, makes the team its members (nobody else
 * can read or write it), and installs the validation function (append-only log; a reviewer writes only their own
 * events). Run it again after changing the team: it is idempotent.
 *
 *   SIFT_COUCHDB_URL=https://admin:password@couch.example.org npx tsx couchdb/setup.ts netlm-review alice bob
 *
 * Users are created separately (CouchDB's `_users` database, e.g. with Fauxton or `createUser` below).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The design document every review database carries. */
export function siftDesignDoc(): { _id: string; validate_doc_update: string } {
  const source = readFileSync(resolve(import.meta.dirname, 'validate_doc_update.js'), 'utf8')
  // CouchDB wants the function's source alone: drop the comment lines around it.
  const body = source.replace(/^\/\/.*\n/gm, '').trim()
  return { _id: '_design/sift', validate_doc_update: body }
}

/** A server admin URL split into its base and a Basic authorization header (fetch refuses URLs with credentials). */
export function adminEndpoint(url: string): { base: string; headers: Record<string, string> } {
  const parsed = new URL(url)
  const auth = parsed.username
    ? `Basic ${Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString('base64')}`
    : undefined
  parsed.username = ''
  parsed.password = ''
  const base = parsed.toString().replace(/\/$/, '')
  return { base, headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) } }
}

async function request(url: string, path: string, method: string, body?: unknown): Promise<Response> {
  const { base, headers } = adminEndpoint(url)
  return fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

async function expectOk(response: Response, what: string, allowed: number[] = []): Promise<void> {
  if (response.ok || allowed.includes(response.status)) return
  throw new Error(`${what} failed: ${response.status} ${await response.text()}`)
}

/** Creates a CouchDB user (or leaves an existing one alone). */
export async function createUser(url: string, name: string, password: string): Promise<void> {
  const id = `org.couchdb.user:${name}`
  const response = await request(url, `/_users/${encodeURIComponent(id)}`, 'PUT', {
    _id: id,
    name,
    password,
    roles: [],
    type: 'user',
  })
  await expectOk(response, `Creating user ${name}`, [409])
}

/** Creates (or updates) one review database with `members` as its team. */
export async function setupReviewDatabase(
  url: string,
  database: string,
  members: readonly string[],
): Promise<void> {
  const path = `/${encodeURIComponent(database)}`
  await expectOk(await request(url, path, 'PUT'), `Creating database ${database}`, [412])
  const security = { admins: { names: [], roles: [] }, members: { names: [...members], roles: [] } }
  await expectOk(
    await request(url, `${path}/_security`, 'PUT', security),
    `Setting the members of ${database}`,
  )
  const existing = await request(url, `${path}/_design/sift`, 'GET')
  const rev = existing.ok ? ((await existing.json()) as { _rev?: string })._rev : undefined
  const design = { ...siftDesignDoc(), ...(rev ? { _rev: rev } : {}) }
  await expectOk(
    await request(url, `${path}/_design/sift`, 'PUT', design),
    `Installing the validation of ${database}`,
  )
}

async function main(): Promise<void> {
  const url = process.env.SIFT_COUCHDB_URL
  const [database, ...members] = process.argv.slice(2)
  if (!url || !database || members.length === 0) {
    console.error('Usage: SIFT_COUCHDB_URL=https://admin:pw@host npx tsx couchdb/setup.ts DATABASE MEMBER…')
    process.exit(2)
  }
  await setupReviewDatabase(url, database, members)
  console.log(`${database}: members ${members.join(', ')}; validation installed.`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  })
}
