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
    raw: draft.raw,
  }
}

function toAuthors(names: string[]): Author[] {
  const authors: Author[] = []
  for (const name of names) {
    const author = parseAuthor(name)
    if (author) authors.push(author)
  }
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
  if (length === 0) return values
  if (length === 1) {
    const only = values[0] ?? ''
    const clean = collapseWhitespace(only)
    if (clean === only && clean) return values
    return clean ? [clean] : []
  }
  // Lists are short (keywords, ISSNs, URLs), so a linear `includes` beats building a Set for every record.
  const out: string[] = []
  for (const value of values) {
    const clean = collapseWhitespace(value)
    if (clean && !out.includes(clean)) out.push(clean)
  }
  return out
}
