import type { FieldTarget, TagMap } from './draft'
import { targetOf } from './draft'
import { wosTags } from './formats/wos'

/**
 * Known column headers (lower-cased) of CSV/TSV exports → fields, as data. Sources: Scopus, Web of Science
 * (tab-delimited uses the plain-text tags, handled via `wosTags`), PubMed (current and pre-2020 layouts), Lens.org,
 * OpenAlex, IEEE Xplore, SpringerLink, Embase.com, ASReview and Rayyan. `authors` style columns are fallbacks
 * (`authorAlt`) so Scopus' "Author full names" wins when present.
 */
export const csvHeaders: TagMap = {
  title: 'title',
  'document title': 'title',
  'article title': 'title',
  'item title': 'title',
  display_name: 'title',
  'primary title': 'title',
  abstract: 'abstract',
  'abstract note': 'abstract',
  'author full names': 'author',
  authors: 'authorAlt',
  author: 'authorAlt',
  'author/s': 'authorAlt',
  'author names': 'authorAlt',
  'authorships.author.display_name': 'authorAlt',
  description: 'authorAlt',
  year: 'year',
  'publication year': 'year',
  publication_year: 'year',
  'date published': 'date',
  'publication date': 'date',
  publication_date: 'date',
  date: 'date',
  citation: 'date',
  details: 'date',
  source: 'date',
  'source title': 'journal',
  'publication title': 'journal',
  journal: 'journal',
  'journal/book': 'journal',
  'journal title': 'journal',
  'secondary title': 'journal',
  'primary_location.source.display_name': 'journal',
  'abbreviated source title': 'journalAbbrev',
  'journal abbreviation': 'journalAbbrev',
  volume: 'volume',
  'journal volume': 'volume',
  issue: 'issue',
  'issue number': 'issue',
  'journal issue': 'issue',
  number: 'issue',
  'page start': 'startPage',
  'start page': 'startPage',
  'page end': 'endPage',
  'end page': 'endPage',
  pages: 'pages',
  doi: 'doi',
  'item doi': 'doi',
  identifiers: 'doiMaybe',
  'pubmed id': 'pmid',
  pmid: 'pmid',
  'ids.pmid': 'pmid',
  entrezuid: 'pmid',
  pmcid: 'pmcid',
  issn: 'issn',
  issns: 'issn',
  eissn: 'issn',
  'author keywords': 'keywordList',
  keywords: 'keywordList',
  'index keywords': 'keywordList',
  'ieee terms': 'keywordList',
  'mesh terms': 'meshList',
  mesh_terms: 'meshList',
  mesh: 'meshList',
  'document type': 'publicationType',
  'publication type': 'publicationType',
  'content type': 'publicationType',
  type: 'publicationType',
  'language of original document': 'language',
  language: 'language',
  link: 'url',
  url: 'url',
  'source urls': 'url',
  'external url': 'url',
  'open url link': 'url',
}

/** One column's target, or null for "keep verbatim in raw". The UI shows this and lets the user change it. */
export type ColumnMapping = (FieldTarget | null)[]

/**
 * Maps header cells to fields: exact (case-insensitive) header names first; a header row made of WoS two-letter
 * tags (tab-delimited WoS/BIOSIS exports) uses the WoS tag map. Unknown columns map to null (kept in `raw`).
 */
export function mapColumns(headers: readonly string[]): ColumnMapping {
  const clean = headers.map((header) => header.replace(/^\uFEFF/, '').trim())
  const tagLike = clean.filter((header) => /^[A-Z][A-Z0-9]$/.test(header)).length
  const isWosTags = tagLike >= 5 && tagLike >= clean.length * 0.8
  const used = new Set<FieldTarget>()
  return clean.map((header) => {
    const target = isWosTags ? targetOf(wosTags, header) : targetOf(csvHeaders, header.toLowerCase())
    if (!target) return null
    // The first column wins for single-valued fields (Scopus has both "Source title" and "Source").
    if (used.has(target) && !isMultiColumn(target)) return null
    used.add(target)
    return target
  })
}

function isMultiColumn(target: FieldTarget): boolean {
  return target === 'keywordList' || target === 'url' || target === 'issn' || target === 'meshList'
}
