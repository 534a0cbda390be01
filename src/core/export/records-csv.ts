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

/** Extra columns after the citation fields (e.g. the modality and design tags), with their value per record. */
export type ExtraColumns<R> = { columns: readonly string[]; values: (record: R) => Record<string, CsvValue> }

/**
 * Citations as a spreadsheet-safe CSV (formula cells neutralised, UTF-8 BOM for Excel), one row per record; lists
 * are joined with `; `.
 */
export function recordsToCsv<R extends CitationRecord>(
  records: readonly R[],
  extra?: ExtraColumns<R>,
): string {
  const rows = records.map((record): Record<string, CsvValue> => ({
    ...extra?.values(record),
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
  return toCsv(rows, [...recordCsvColumns, ...(extra?.columns ?? [])], { spreadsheetSafe: true, bom: true })
}
