import Dexie from 'dexie'
import { useLiveQuery } from 'dexie-react-hooks'

import { db } from '../db'
import type { StoredRecord } from '../schema'
import { loadMergedAwayIds } from './useDedup'

type RecordCollection = ReturnType<typeof db.records.toCollection>

export type RecordSort = 'imported' | 'title' | 'year'

/** Narrowing beyond text search; `key` names the filter so live queries re-run only when it changes. */
export type RecordFilter = {
  key: string
  /** Only these record ids (from screening status or attachments), or no restriction when null. */
  only: ReadonlySet<string> | null
  source: string
  yearFrom: number | null
  yearTo: number | null
}

export type RecordQuery = {
  projectId: string
  /** Words that must all appear in title, authors, journal, DOI or PMID (case-insensitive). */
  search: string
  sort: RecordSort
  isDescending: boolean
  filter?: RecordFilter
}

function keep(
  record: StoredRecord,
  terms: string[],
  filter: RecordFilter | undefined,
  hidden: ReadonlySet<string>,
): boolean {
  if (hidden.has(record.id)) return false
  if (filter) {
    if (filter.only && !filter.only.has(record.id)) return false
    if (filter.source && record.source !== filter.source) return false
    if (filter.yearFrom !== null && (record.year === null || record.year < filter.yearFrom)) return false
    if (filter.yearTo !== null && (record.year === null || record.year > filter.yearTo)) return false
  }
  return terms.length === 0 || matches(record, terms)
}

function queryKey(query: RecordQuery): string {
  return [query.projectId, query.search, query.sort, query.isDescending, query.filter?.key ?? ''].join(
    '\u0000',
  )
}

function searchTerms(search: string): string[] {
  return search.toLowerCase().split(/\s+/).filter(Boolean)
}

function matches(record: StoredRecord, terms: string[]): boolean {
  const text = [
    record.title,
    record.journal,
    record.doi,
    record.pmid,
    record.year ?? '',
    ...record.authors.map((author) => author.family),
  ]
    .join(' ')
    .toLowerCase()
  return terms.every((term) => text.includes(term))
}

/**
 * The records of a query as a Dexie collection, ordered through an index so that a page is read with a cursor
 * (offset + limit) instead of loading the project. `hidden`: ids left out (records merged away as duplicates).
 */
export function recordCollection(
  query: RecordQuery,
  hidden: ReadonlySet<string> = new Set(),
): RecordCollection {
  const { projectId } = query
  let collection: RecordCollection
  if (query.sort === 'title') {
    collection = db.records
      .where('[projectId+titleKey]')
      .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
  } else if (query.sort === 'year') {
    // Records without a year have no entry in this index; they are listed only in import order.
    collection = db.records
      .where('[projectId+year]')
      .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
  } else {
    collection = db.records.where('projectId').equals(projectId)
  }
  if (query.isDescending) collection = collection.reverse()
  const terms = searchTerms(query.search)
  const { filter } = query
  return terms.length > 0 || filter || hidden.size > 0
    ? collection.filter((record) => keep(record, terms, filter, hidden))
    : collection
}

/** The query's collection without the records merged away as duplicates. */
async function visibleCollection(query: RecordQuery): Promise<RecordCollection> {
  return recordCollection(query, await loadMergedAwayIds(query.projectId))
}

/** How many records the query matches. */
export function useRecordQueryCount(query: RecordQuery): number | undefined {
  return useLiveQuery(async () => (await visibleCollection(query)).count(), [queryKey(query)])
}

/** The records from `start` (inclusive) to `end` (exclusive) of the query: one visible window of the table. */
export function useRecordWindow(query: RecordQuery, start: number, end: number): StoredRecord[] | undefined {
  return useLiveQuery(
    async () =>
      (await visibleCollection(query))
        .offset(start)
        .limit(Math.max(0, end - start))
        .toArray(),
    [queryKey(query), start, end],
  )
}

/** Every record the query matches, in its order (for exports). */
export async function loadRecords(query: RecordQuery): Promise<StoredRecord[]> {
  return (await visibleCollection(query)).toArray()
}

/** Ids of the project's records that match a text search, in import order. */
export async function findRecordIds(projectId: string, search: string): Promise<string[]> {
  return (await visibleCollection({ projectId, search, sort: 'imported', isDescending: false })).primaryKeys()
}

/** Ids of the project's records that have a full-text PDF. */
export function useAttachedRecordIds(projectId: string): string[] | undefined {
  return useLiveQuery(
    async () =>
      (await db.attachments.where('projectId').equals(projectId).toArray()).map((row) => row.recordId),
    [projectId],
  )
}

/** The source databases of the project's import batches, for the source filter. */
export function useSources(projectId: string): string[] | undefined {
  return useLiveQuery(async () => {
    const batches = await db.importBatches.where('projectId').equals(projectId).toArray()
    return [...new Set(batches.map((batch) => batch.source).filter(Boolean))].sort()
  }, [projectId])
}

/** Ids of every record the query matches, in its order (for bulk actions). */
export async function findQueryIds(query: RecordQuery): Promise<string[]> {
  return (await visibleCollection(query)).primaryKeys()
}

/** Reads records by id in pages (bulk actions over a queue), never the whole project at once. */
export async function forEachRecordPage(
  ids: readonly string[],
  visit: (records: StoredRecord[]) => void,
  pageSize = 2000,
): Promise<void> {
  for (let start = 0; start < ids.length; start += pageSize) {
    const page = await db.records.bulkGet(ids.slice(start, start + pageSize))
    visit(page.filter((record) => record !== undefined))
  }
}
