import type { CitationRecord } from '../records/record'

/** The record-model fields written to JSONL, in this order (the CLI's `convert --to jsonl` contract). */
export const jsonlFields = [
  'title',
  'abstract',
  'authors',
  'year',
  'journal',
  'volume',
  'issue',
  'pages',
  'doi',
  'pmid',
  'pmcid',
  'keywords',
  'mesh',
  'publicationTypes',
  'language',
  'source',
] as const

/** One JSON object per line (LF-terminated) with the fields of `jsonlFields`; authors as `{family, given}` objects. */
export function toJsonl(records: readonly CitationRecord[]): string {
  let out = ''
  for (const record of records) {
    const row: Record<string, unknown> = {}
    for (const field of jsonlFields) row[field] = record[field]
    out += `${JSON.stringify(row)}\n`
  }
  return out
}
