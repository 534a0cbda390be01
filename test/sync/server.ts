import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'
import expressPouchDB from 'express-pouchdb'

import { createUser, setupReviewDatabase } from '../../couchdb/setup'
import { NodePouch } from './pouch-node'

/** A CouchDB-protocol server: either started here in process, or a real CouchDB named by SIFT_COUCHDB_URL. */
export type SyncServer = {
  /** Base URL without credentials, e.g. `http://127.0.0.1:5984`. */
  url: string
  /** The same with the server admin's credentials. */
  adminUrl: string
  /** Creates users (password = `${name}-pw`) and a review database with them as members and the validation. */
  setupReview(database: string, users: readonly string[]): Promise<void>
  close(): Promise<void>
}

let servers = 0
const adminUser = 'sift-admin'
const adminPassword = 'sift-admin-pw'

/** The test server's admin URL for a server at `base` (e.g. `http://127.0.0.1:4621`), for tests that set up databases. */
export function testAdminUrl(base: string): string {
  const url = new URL(base)
  url.username = adminUser
  url.password = adminPassword
  return url.toString().replace(/\/$/, '')
}

/** The password test users get. */
export const passwordOf = (user: string): string => `${user}-pw`

/** The `authorization` header of a test user's requests (what the desktop app's main process adds). */
export const authorizationOf = (user: string): string =>
  `Basic ${Buffer.from(`${user}:${passwordOf(user)}`).toString('base64')}`

/**
 * Starts `express-pouchdb` (the CouchDB HTTP API over PouchDB, in-memory) on 127.0.0.1, with a server admin. With
 * SIFT_COUCHDB_URL set (`http://admin:pw@host:5984`), uses that real CouchDB instead: the same tests then run
 * against CouchDB 3. `port` 0 picks a free port.
 */
export async function startSyncServer(port = 0): Promise<SyncServer> {
  const external = process.env.SIFT_COUCHDB_URL
  if (external) return serverAt(external, () => Promise.resolve())
  // Its own name prefix per server, so two servers in one process (or a client's mirror) never share a database.
  const Pouch = NodePouch.defaults({ adapter: 'memory', prefix: `server-${++servers}-` })
  const app = express()
  app.use('/', expressPouchDB(Pouch, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null' }))
  const server = await new Promise<Server>((done) => {
    const started = app.listen(port, '127.0.0.1', () => done(started))
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const configured = await fetch(`${base}/_config/admins/${adminUser}`, {
    method: 'PUT',
    body: JSON.stringify(adminPassword),
  })
  if (!configured.ok) throw new Error(`Could not create the test server's admin: ${configured.status}`)
  return serverAt(
    `http://${adminUser}:${adminPassword}@${base.slice('http://'.length)}`,
    () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  )
}

function serverAt(adminUrl: string, close: () => Promise<void>): SyncServer {
  const parsed = new URL(adminUrl)
  parsed.username = ''
  parsed.password = ''
  return {
    url: parsed.toString().replace(/\/$/, ''),
    adminUrl,
    async setupReview(database, users) {
      for (const user of users) await createUser(adminUrl, user, passwordOf(user))
      await setupReviewDatabase(adminUrl, database, users)
    },
    close,
  }
}
