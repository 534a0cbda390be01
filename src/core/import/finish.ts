import {
  collapseWhitespace,
  normaliseDoi,
  normalisePages,
  normalisePmcid,
  normalisePmid,
  parseAuthor,
  parseYear,
} from '../records/normalise'
import type { Author, CitationRecord, RawField } from '../records/record'
import type { Draft } from './draft'
import type { StringPool } from './string-pool'

/**
 * Normalises a finished draft into a `CitationRecord` with the shared rules of `records/normalise.ts`: authors split,
 * DOI cleaned (falling back to a DOI inside a URL), year parsed, pages expanded, ids cleaned, whitespace collapsed.
 * The record's arrays are allocated at their final size rather than shared with the draft: they outlive the parse,
 * and `push`-grown arrays carry unused capacity (and copying work for the garbage collector) into the old
 * generation on 100,000-record files. With a `pool`, short repeated values (journal, language, list items, author
 * names) are shared between the records of one parse.
 */
export function finishDraft(draft: Draft, pool?: StringPool): CitationRecord {
  return {
    title: collapseWhitespace(draft.title),
    abstract: collapseWhitespace(draft.abstract),
    authors: toAuthors(draft.authors.length > 0 ? draft.authors : draft.altAuthors, pool),
    year: (draft.year ? parseYear(draft.year) : null) ?? (draft.date ? parseYear(draft.date) : null),
    journal: pooled(collapseWhitespace(draft.journal), pool),
    journalAbbrev: pooled(collapseWhitespace(draft.journalAbbrev), pool),
    volume: collapseWhitespace(draft.volume),
    issue: collapseWhitespace(draft.issue),
    pages: normalisePages(draft.pages || draft.startPage, draft.pages ? '' : draft.endPage),
    doi: findDoi(draft),
    pmid: draft.pmid ? normalisePmid(draft.pmid) : '',
    pmcid: draft.pmcid ? normalisePmcid(draft.pmcid) : '',
    issn: cleanList(draft.issn, pool),
    keywords: cleanList(draft.keywords, pool),
    mesh: cleanList(draft.mesh, pool),
    publicationTypes: cleanList(draft.publicationTypes, pool),
    language: pooled(collapseWhitespace(draft.language), pool),
    urls: cleanList(draft.urls, pool),
    source: '',
    isMetadataMissing: false,
    raw: pool ? pooledFields(draft.raw, pool) : draft.raw.slice(),
  }
}

/**
 * The one empty list every record shares (most records have no MeSH terms, URLs or ISSNs in some formats): an empty
 * array per list per record was a measurable part of what survived into the old generation on 100,000-record files.
 * Frozen, so code that pushes into a record's list instead of building a new one fails loudly rather than
 * changing every record at once.
 */
const noItems: string[] = Object.freeze([]) as unknown as string[]
const noFields: RawField[] = Object.freeze([]) as unknown as RawField[]

function pooled(value: string, pool: StringPool | undefined): string {
  return pool ? pool.intern(value) : value
}

function pooledFields(raw: RawField[], pool: StringPool): RawField[] {
  const length = raw.length
  if (length === 0) return noFields
  const out = new Array<RawField>(length)
  for (let i = 0; i < length; i++) out[i] = pool.field(raw[i] as RawField)
  return out
}

function toAuthors(names: string[], pool: StringPool | undefined): Author[] {
  const authors: Author[] = names.length > 0 ? new Array<Author>(names.length) : []
  let count = 0
  for (const name of names) {
    const author = pool ? pool.author(name) : parseAuthor(name)
    if (author) authors[count++] = author
  }
  // Only names that are nothing but `,`/`;` are dropped, so shrinking is rare.
  if (count < authors.length) authors.length = count
  return authors
}

function findDoi(draft: Draft): string {
  if (draft.doi) {
    const doi = normaliseDoi(draft.doi)
    if (doi) return doi
  }
  for (const url of draft.urls) {
    if (url.includes('doi')) {
      const doi = normaliseDoi(url)
      if (doi) return doi
    }
  }
  return ''
}

/** Trims, collapses whitespace, drops empties and exact duplicates (IEEE RIS repeats authors; WoS repeats ISSNs). */
function cleanList(values: string[], pool: StringPool | undefined): string[] {
  const length = values.length
  if (length === 0) return noItems
  if (length === 1) {
    const clean = collapseWhitespace(values[0] ?? '')
    return clean ? [pooled(clean, pool)] : noItems
  }
  // Lists are short (keywords, ISSNs, URLs), so a linear scan beats building a Set for every record.
  const out = new Array<string>(length)
  let count = 0
  for (const value of values) {
    const clean = collapseWhitespace(value)
    if (clean && !includes(out, count, clean)) out[count++] = pooled(clean, pool)
  }
  if (count < length) out.length = count
  return out
}

function includes(list: string[], count: number, value: string): boolean {
  for (let i = 0; i < count; i++) if (list[i] === value) return true
  return false
}
