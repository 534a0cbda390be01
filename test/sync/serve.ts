/**
 * Serves the in-process CouchDB-protocol server (express-pouchdb, in memory) on 127.0.0.1 until stopped: the
 * sync server of the browser end-to-end tests (`playwright.config.ts` starts it and points vite preview's
 * `/couchdb` proxy at it).  Usage: npx tsx test/sync/serve.ts PORT
 */
import { startSyncServer } from './server'

const port = Number(process.argv[2] ?? 5984)
const server = await startSyncServer(port)
console.log(`Sync test server on ${server.url} (admin: ${new URL(server.adminUrl).username})`)
