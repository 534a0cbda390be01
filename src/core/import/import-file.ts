import type { CitationRecord } from '../records/record'
import { guessDatabase } from './database'
import { detectFormat, detectHeadLength } from './detect'
import { decodeBytes, sniffBinary } from './encoding'
import { hashBytes } from './hash'
import type { ParseResult, ParseWarning, ProgressCallback } from './types'
import { mapColumns, type ColumnMapping } from './csv-columns'
import { csvFormat, parseWithMapping, readCsvHeader } from './formats/csv'

/** Everything the import preview shows about one file. */
export type ParsedFile = {
  /** Format id (`ris`, `medline`, …) or `''` when the file was rejected or not recognised. */
  format: string
  encoding: string
  /** Guessed source database (`PubMed`, `Scopus`, `Web of Science`, `Embase`, `Ovid`…), or `''`. */
  database: string
  records: CitationRecord[]
  /** Secondary records offered separately (similar / cited-by entries of a copied PubMed page). */
  extras: CitationRecord[]
  warnings: ParseWarning[]
  /** Set when the file ends inside a record: that record is left out. */
  truncated: { line: number } | null
  /** Set when the file cannot be imported at all (binary, unknown format); `records` is then empty. */
  error: string | null
  /** FNV-1a 64 hash of the bytes, to recognise the same file imported twice. */
  hash: string
  /** CSV/TSV only: the header row and the column mapping used, which the user may correct and re-parse with. */
  columns: CsvColumns | null
}

/** The columns of a CSV/TSV file and where each one goes (null: kept verbatim in `raw`). */
export type CsvColumns = { headers: string[]; delimiter: string; mapping: ColumnMapping }

export type ParseFileOptions = {
  /** For CSV/TSV: the user's column mapping instead of the automatic one (one entry per header cell). */
  csvMapping?: ColumnMapping
}

function csvColumns(text: string, mapping: ColumnMapping | undefined): CsvColumns {
  const { headers, delimiter } = readCsvHeader(text)
  const automatic = mapColumns(headers)
  // A mapping for another header row (the user edited a different file) is ignored rather than misapplied.
  return { headers, delimiter, mapping: mapping?.length === headers.length ? mapping : automatic }
}

/**
 * Turns the bytes of one file into records: rejects binary files up front, decodes (BOM, UTF-16, UTF-8, else
 * Windows-1252 with a warning), detects the format by content, parses, and stamps each record's `source` with the
 * guessed database. Never throws on bad input: problems come back as `error` or `warnings` (line 0 = whole file).
 */
export function parseFile(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: ProgressCallback,
  options: ParseFileOptions = {},
): ParsedFile {
  const hash = hashBytes(bytes)
  const result: ParsedFile = {
    format: '',
    encoding: '',
    database: '',
    records: [],
    extras: [],
    warnings: [],
    truncated: null,
    error: null,
    hash,
    columns: null,
  }
  const binary = sniffBinary(bytes)
  if (binary) return { ...result, error: binary }
  const decoded = decodeBytes(bytes)
  result.encoding = decoded.encoding
  result.warnings = decoded.warnings.map((message) => ({ line: 0, message }))
  if (!decoded.text.trim()) return { ...result, error: 'The file is empty.' }
  const { format } = detectFormat(decoded.text, fileName)
  if (!format)
    return {
      ...result,
      error:
        'Sift does not recognise this file format. Supported: RIS, PubMed/MEDLINE, PubMed XML, EndNote XML and tagged, BibTeX, Web of Science, CSV/TSV, Ovid, ProQuest, Zotero RDF, lists of PMIDs or DOIs.',
    }
  const columns = format.id === csvFormat.id ? csvColumns(decoded.text, options.csvMapping) : null
  let parsed: ParseResult
  try {
    parsed = columns
      ? parseWithMapping(decoded.text, columns.mapping, columns.delimiter)
      : format.parse(decoded.text, onProgress)
  } catch (error) {
    // Parsers are written never to throw on bad input; this is the last line of defence against a parser bug.
    const reason = error instanceof Error ? error.message : String(error)
    return {
      ...result,
      format: format.id,
      error: `The ${format.label} reader failed on this file (${reason}).`,
    }
  }
  const database = guessDatabase(format.id, decoded.text.slice(0, detectHeadLength), parsed.records)
  for (const record of parsed.records) record.source = database
  for (const record of parsed.extras ?? []) record.source = database
  return {
    ...result,
    format: format.id,
    database,
    columns,
    records: parsed.records,
    extras: parsed.extras ?? [],
    warnings: [...result.warnings, ...parsed.warnings],
    truncated: parsed.truncated ?? null,
  }
}
