import type { BulkGetRequest, BulkGetResult, RevsDiffResult } from './mirror-reads'

/**
 * The part of PouchDB's API that sync uses, typed here because PouchDB ships no types. The renderer passes
 * `pouchdb-browser` (IndexedDB); tests and benchmarks pass a PouchDB built from `pouchdb-core` with the memory
 * adapter. Only what is listed is called.
 */
export type PouchDoc = { _id: string; _rev?: string } & Record<string, unknown>

export type BulkDocsResult = {
  ok?: boolean
  id?: string
  rev?: string
  error?: string | boolean
  status?: number
  message?: string
}

export type ChangesResult = {
  results: { id: string; seq: number | string; doc?: PouchDoc }[]
  last_seq: number | string
}

export type ChangesOptions = {
  since: number | string
  include_docs?: boolean
  limit?: number
  live?: boolean
}

/** PouchDB's event emitter objects (replication, live changes): cancellable, with `on`. */
export type PouchEmitter = {
  on(event: string, listener: (info: never) => void): PouchEmitter
  cancel(): void
}

export type ReplicationResult = { ok: boolean; docs_written?: number; errors?: unknown[] }

/** A one-shot replication is also a promise of its result. */
export type Replication = PouchEmitter & PromiseLike<unknown>

/** Options of one direction of a sync (PouchDB's `push` and `pull` sync options). */
export type DirectionOptions = {
  /** Replicate only the documents for which this returns true (PouchDB reads each changed document for it). */
  filter?: (doc: PouchDoc) => boolean
  /** Where the replication's checkpoint is kept: both databases (`true`, the default), or only one. */
  checkpoint?: boolean | 'source' | 'target'
}

export type ReplicationOptions = {
  live?: boolean
  /** For one direction (`replicate.to` / `from`): see {@link DirectionOptions}. */
  filter?: (doc: PouchDoc) => boolean
  retry?: boolean
  batch_size?: number
  batches_limit?: number
  back_off_function?: (delay: number) => number
  push?: DirectionOptions
  pull?: DirectionOptions
}

/** A sync (replication both ways): its two directions are replications of their own, with their own events. */
export type SyncReplication = Replication & { push: PouchEmitter; pull: PouchEmitter }

export type PouchDatabase = {
  name: string
  bulkDocs(docs: PouchDoc[]): Promise<BulkDocsResult[]>
  get(id: string, options?: object): Promise<PouchDoc>
  put(doc: PouchDoc, options?: object): Promise<BulkDocsResult>
  changes(options: ChangesOptions & { live: true }): PouchEmitter
  changes(options: ChangesOptions): Promise<ChangesResult>
  sync(remote: PouchDatabase, options?: ReplicationOptions): SyncReplication
  /** One direction: this database to `remote`, or `remote` into this one. */
  replicate: {
    to(remote: PouchDatabase, options?: ReplicationOptions): Replication
    from(remote: PouchDatabase, options?: ReplicationOptions): Replication
  }
  info(): Promise<{ doc_count: number; update_seq: number | string }>
  allDocs(options: { keys: string[]; include_docs?: boolean }): Promise<{ rows: AllDocsRow[] }>
  /** Replication's reads (see batchMirrorReads in mirror-reads.ts). */
  bulkGet(options: {
    docs: BulkGetRequest[]
    revs?: boolean
    latest?: boolean
    attachments?: boolean
  }): Promise<BulkGetResult>
  revsDiff(diffs: Record<string, string[]>): Promise<RevsDiffResult>
  close(): Promise<void>
  destroy(): Promise<void>
}

/** A row of `allDocs` with keys: the document's winning revision, or an error for a key with no document. */
export type AllDocsRow =
  | { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc | null }
  | { key: string; error: string }

/** Options for a remote database: PouchDB's http adapter calls this `fetch` for every request. */
export type RemoteOptions = { fetch?: typeof fetch; skip_setup?: boolean }

/** Makes a PouchDB database: a local mirror by name, or a remote one by URL. */
export type PouchFactory = (nameOrUrl: string, options?: RemoteOptions) => PouchDatabase
