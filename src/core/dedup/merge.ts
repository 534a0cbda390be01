import type { Author, CitationRecord } from '../records/record'
import type { DedupInput } from './find-duplicates'

/** A merged record and where it came from: every source record id, in input order (PRISMA counts need them all). */
export type MergedRecord = { record: CitationRecord; sourceIds: string[] }

type TextField =
  'title' | 'abstract' | 'journal' | 'journalAbbrev' | 'volume' | 'issue' | 'pages' | 'language'
const textFields: TextField[] = [
  'title',
  'abstract',
  'journal',
  'journalAbbrev',
  'volume',
  'issue',
  'pages',
  'language',
]
type ListField = 'issn' | 'keywords' | 'mesh' | 'publicationTypes' | 'urls'
const listFields: ListField[] = ['issn', 'keywords', 'mesh', 'publicationTypes', 'urls']

/** Upper-case letters over all letters: an all-capitals title (some Embase and CINAHL exports) reads worse. */
function capitalShare(text: string): number {
  const letters = text.replace(/[^\p{L}]/gu, '')
  return letters ? letters.replace(/[^\p{Lu}]/gu, '').length / letters.length : 0
}

/** The most complete value: longest, but mostly-capitals text loses to mixed case, and `NA` counts as empty. */
function bestText(values: readonly string[]): string {
  let best = ''
  for (const value of values) {
    const text = value.trim()
    if (!text || text === 'NA') continue
    const isShouting = capitalShare(text) > 0.8
    const isBestShouting = capitalShare(best) > 0.8
    if (
      !best ||
      (isBestShouting && !isShouting) ||
      (isShouting === isBestShouting && text.length > best.length)
    )
      best = text
  }
  return best
}

/** The author list with the most names, then the most given-name detail (`Smith, John` over `Smith, J`). */
function bestAuthors(lists: readonly Author[][]): Author[] {
  let best: Author[] = []
  let bestDetail = -1
  for (const list of lists) {
    const detail = list.reduce((sum, author) => sum + author.given.length, 0)
    if (list.length > best.length || (list.length === best.length && detail > bestDetail)) {
      best = list
      bestDetail = detail
    }
  }
  return best.map((author) => ({ ...author }))
}

/** The most frequent non-null value, the earliest on ties (the print year over an online-first year is not knowable). */
function mostCommon<T>(values: readonly (T | null)[]): T | null {
  const counts = new Map<T, number>()
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1)
  let best: T | null = null
  let bestCount = 0
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value
      bestCount = count
    }
  }
  return best
}

function union(lists: readonly (readonly string[])[]): string[] {
  const seen = new Map<string, string>()
  for (const list of lists)
    for (const item of list) if (!seen.has(item.toLowerCase())) seen.set(item.toLowerCase(), item)
  return [...seen.values()]
}

/**
 * Merges the records of one duplicate cluster into one record keeping the most complete fields: the longest text
 * (mixed case over capitals), the fullest author list, the most common year, the first non-empty identifier, the
 * union of list fields, every source database (`PubMed; Embase`) and every raw field. `sourceIds` is the lineage.
 * An empty input gives an empty record with no sources.
 */
export function mergeRecords(records: readonly DedupInput[]): MergedRecord {
  const all = records.map((input) => input.record)
  const first = (pick: (record: CitationRecord) => string): string =>
    all.map(pick).find((value) => value) ?? ''
  const merged: CitationRecord = {
    title: '',
    abstract: '',
    authors: bestAuthors(all.map((record) => record.authors)),
    year: mostCommon(all.map((record) => record.year)),
    journal: '',
    journalAbbrev: '',
    volume: '',
    issue: '',
    pages: '',
    doi: first((record) => record.doi),
    pmid: first((record) => record.pmid),
    pmcid: first((record) => record.pmcid),
    issn: [],
    keywords: [],
    mesh: [],
    publicationTypes: [],
    language: '',
    urls: [],
    source: union(all.map((record) => (record.source ? [record.source] : []))).join('; '),
    isMetadataMissing: all.length > 0 && all.every((record) => record.isMetadataMissing),
    raw: all.flatMap((record) => record.raw.map((field) => ({ ...field }))),
  }
  for (const field of textFields) merged[field] = bestText(all.map((record) => record[field]))
  for (const field of listFields) merged[field] = union(all.map((record) => record[field]))
  return { record: merged, sourceIds: records.map((input) => input.id) }
}
