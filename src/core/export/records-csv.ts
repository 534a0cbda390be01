import type { CitationRecord } from '../records/record'
import { toCsv, type CsvValue } from './csv'

/** Columns of a citation CSV export, in order; the header row uses these names. */
export const recordCsvColumns = [
  'title',
  'authors',
  'year',
  'journal',
  'volume',
  'issue',
  'pages',
  'doi',
  'pmid',
  'pmcid',
  'abstract',
  'keywords',
  'mesh',
  'publicationTypes',
  'language',
  'source',
] as const

function authorList(record: CitationRecord): string {
  return record.authors
    .map((author) => (author.given ? `${author.family}, ${author.given}` : author.family))
    .join('; ')
}

/**
 * Citations as a spreadsheet-safe CSV (formula cells neutralised, UTF-8 BOM for Excel), one row per record; lists
 * are joined with `; `.
 */
export function recordsToCsv(records: readonly CitationRecord[]): string {
  const rows = records.map((record): Record<string, CsvValue> => ({
    title: record.title,
    authors: authorList(record),
    year: record.year,
    journal: record.journal,
    volume: record.volume,
    issue: record.issue,
    pages: record.pages,
    doi: record.doi,
    pmid: record.pmid,
    pmcid: record.pmcid,
    abstract: record.abstract,
    keywords: record.keywords,
    mesh: record.mesh,
    publicationTypes: record.publicationTypes,
    language: record.language,
    source: record.source,
  }))
  return toCsv(rows, recordCsvColumns, { spreadsheetSafe: true, bom: true })
}
