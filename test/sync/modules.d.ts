// PouchDB 9 and express-pouchdb ship no types; sync code types what it uses in src/renderer/src/sync/pouch.ts.
declare module 'pouchdb-core' {
  const PouchDB: { plugin(plugin: unknown): typeof PouchDB; defaults(options: object): typeof PouchDB }
  export default PouchDB
}
declare module 'pouchdb-adapter-memory'
declare module 'pouchdb-adapter-http'
declare module 'pouchdb-replication'
declare module 'pouchdb-mapreduce'
declare module 'express-pouchdb' {
  const expressPouchDB: (
    PouchDB: unknown,
    options: object,
  ) => (req: unknown, res: unknown, next: unknown) => void
  export default expressPouchDB
}
declare module 'express' {
  import type { Server } from 'node:http'
  type App = {
    use(path: string, handler: unknown): App
    listen(port: number, host: string, done: () => void): Server
  }
  const express: () => App
  export default express
}
