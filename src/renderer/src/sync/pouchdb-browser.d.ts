// PouchDB ships no types; src/renderer/src/sync/pouch.ts types the part sync uses (see browserPouch in manager.ts).
declare module 'pouchdb-browser' {
  const PouchDB: new (name: string, options?: Record<string, unknown>) => object
  export default PouchDB
}
