import {
  collapseWhitespace,
  normaliseDoi,
  normalisePages,
  normalisePmcid,
  normalisePmid,
  parseAuthor,
  parseYear,
} from '../records/normalise'
import type { Author, CitationRecord } from '../records/record'
import type { Draft } from './draft'

/**
 * Normalises a finished draft into a `CitationRecord` with the shared rules of `records/normalise.ts`: authors split,
 * DOI cleaned (falling back to a DOI inside a URL), year parsed, pages expanded, ids cleaned, whitespace collapsed.
 * The record's arrays are allocated at their final size rather than shared with the draft: they outlive the parse,
 * and `push`-grown arrays carry unused capacity (and copying work for the garbage collector) into the old
 * generation on 100,000-record files.
 */
export function finishDraft(draft: Draft): CitationRecord {
  return {
    title: collapseWhitespace(draft.title),
    abstract: collapseWhitespace(draft.abstract),
    authors: toAuthors(draft.authors.length > 0 ? draft.authors : draft.altAuthors),
    year: (draft.year ? parseYear(draft.year) : null) ?? (draft.date ? parseYear(draft.date) : null),
    journal: collapseWhitespace(draft.journal),
    journalAbbrev: collapseWhitespace(draft.journalAbbrev),
    volume: collapseWhitespace(draft.volume),
    issue: collapseWhitespace(draft.issue),
    pages: normalisePages(draft.pages || draft.startPage, draft.pages ? '' : draft.endPage),
    doi: findDoi(draft),
    pmid: draft.pmid ? normalisePmid(draft.pmid) : '',
    pmcid: draft.pmcid ? normalisePmcid(draft.pmcid) : '',
    issn: cleanList(draft.issn),
    keywords: cleanList(draft.keywords),
    mesh: cleanList(draft.mesh),
    publicationTypes: cleanList(draft.publicationTypes),
    language: collapseWhitespace(draft.language),
    urls: cleanList(draft.urls),
    source: '',
    isMetadataMissing: false,
    raw: draft.raw.slice(),
  }
}

function toAuthors(names: string[]): Author[] {
  const authors: Author[] = names.length > 0 ? new Array<Author>(names.length) : []
  let count = 0
  for (const name of names) {
    const author = parseAuthor(name)
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
function cleanList(values: string[]): string[] {
  const length = values.length
  if (length === 0) return []
  if (length === 1) {
    const clean = collapseWhitespace(values[0] ?? '')
    return clean ? [clean] : []
  }
  // Lists are short (keywords, ISSNs, URLs), so a linear scan beats building a Set for every record.
  const out = new Array<string>(length)
  let count = 0
  for (const value of values) {
    const clean = collapseWhitespace(value)
    if (clean && !includes(out, count, clean)) out[count++] = clean
  }
  if (count < length) out.length = count
  return out
}

function includes(list: string[], count: number, value: string): boolean {
  for (let i = 0; i < count; i++) if (list[i] === value) return true
  return false
}
