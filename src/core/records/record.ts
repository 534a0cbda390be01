/** One author as the export gave it, split into family and given names where possible. */
export type Author = {
  family: string
  given: string
}

/** A tag or column exactly as the source file had it, kept for lossless round-trips. */
export type RawField = {
  tag: string
  value: string
}

/**
 * The normalised citation every import format produces and every later stage (dedup, screening, export) reads.
 * Empty strings and empty arrays mean "the file did not say"; `year` is null when unknown.
 */
export type CitationRecord = {
  title: string
  abstract: string
  authors: Author[]
  year: number | null
  journal: string
  journalAbbrev: string
  volume: string
  issue: string
  pages: string
  /** Lower-case, without resolver prefix (`10.1000/xyz`). */
  doi: string
  pmid: string
  pmcid: string
  issn: string[]
  keywords: string[]
  mesh: string[]
  publicationTypes: string[]
  language: string
  urls: string[]
  /** Source database as detected or named by the user (`PubMed`, `Embase`, `Scopus`…). */
  source: string
  /** True for stub records (a bare PMID or DOI list) whose metadata still has to be fetched. */
  isMetadataMissing: boolean
  raw: RawField[]
}

/** A record with every field empty, for parsers to fill in. */
export function emptyRecord(): CitationRecord {
  return {
    title: '',
    abstract: '',
    authors: [],
    year: null,
    journal: '',
    journalAbbrev: '',
    volume: '',
    issue: '',
    pages: '',
    doi: '',
    pmid: '',
    pmcid: '',
    issn: [],
    keywords: [],
    mesh: [],
    publicationTypes: [],
    language: '',
    urls: [],
    source: '',
    isMetadataMissing: false,
    raw: [],
  }
}
