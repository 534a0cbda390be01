import PouchCore from 'pouchdb-core'
import httpAdapter from 'pouchdb-adapter-http'
import memoryAdapter from 'pouchdb-adapter-memory'
import mapreduce from 'pouchdb-mapreduce'
import replication from 'pouchdb-replication'

import type { PouchDatabase, PouchFactory, RemoteOptions } from '../../src/renderer/src/sync/pouch'

/** PouchDB for Node without native builds: memory adapter (memdown) for local databases, http for remote ones. */
export const NodePouch = PouchCore.plugin(memoryAdapter)
  .plugin(httpAdapter)
  .plugin(replication)
  .plugin(mapreduce)
  .defaults({ adapter: 'memory' })

type PouchConstructor = new (name: string, options?: object) => PouchDatabase

/** The factory the sync code takes: memory databases by name, http ones by URL. */
export const nodePouchFactory: PouchFactory = (nameOrUrl: string, options?: RemoteOptions) => {
  const Pouch = NodePouch as unknown as PouchConstructor
  return /^https?:/.test(nameOrUrl)
    ? new Pouch(nameOrUrl, { adapter: 'http', ...options })
    : new Pouch(nameOrUrl, options)
}
