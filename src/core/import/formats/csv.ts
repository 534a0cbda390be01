import { splitAuthorList } from '../../records/normalise'
import type { CitationRecord } from '../../records/record'
import type { Draft, FieldTarget } from '../draft'
import { applyField, newDraft } from '../draft'
import { finishDraft } from '../finish'
import type { ColumnMapping } from '../csv-columns'
import { mapColumns } from '../csv-columns'
import { readCsv, sniffDelimiter } from '../csv-reader'
import type { ImportFormat, ParseResult } from '../types'
import { stripBom, WarningCollector } from '../warnings'

/** The header row and detected delimiter of a CSV/TSV text, for the column-mapping step of the import preview. */
export function readCsvHeader(text: string): { headers: string[]; delimiter: string } {
  const body = stripBom(text)
  const delimiter = sniffDelimiter(body.slice(0, 65_536))
  const { rows } = readCsv(body.slice(0, nextLineBreak(body)), delimiter, new WarningCollector())
  return { headers: rows[0] ?? [], delimiter }
}

function nextLineBreak(text: string): number {
  // The header row of real exports never holds quoted line breaks, so the first line break ends it.
  const lf = text.indexOf('\n')
  const cr = text.indexOf('\r')
  if (lf < 0) return cr < 0 ? text.length : cr
  return cr < 0 ? lf : Math.min(lf, cr)
}

/**
 * Parses CSV/TSV with a given column mapping (one target or null per column), so the user can correct the automatic
 * mapping and re-parse. The first row is the header. Rows with more cells than the header (Scopus' trailing comma,
 * the pre-2020 PubMed layout) keep the extra cells in `raw`; a single warning names the first such row.
 */
export function parseWithMapping(text: string, mapping: ColumnMapping, delimiter?: string): ParseResult {
  const body = stripBom(text)
  const warnings = new WarningCollector()
  const table = readCsv(body, delimiter ?? sniffDelimiter(body.slice(0, 65_536)), warnings)
  const headers = table.rows[0] ?? []
  const records: CitationRecord[] = []
  let raggedLine = 0
  let raggedCount = 0
  for (let r = 1; r < table.rows.length; r++) {
    const row = table.rows[r] ?? []
    if (row.length > headers.length && row.slice(headers.length).some((cell) => cell.trim())) {
      raggedCount++
      raggedLine ||= table.lines[r] ?? 0
    }
    records.push(readRow(row, headers, mapping))
  }
  if (raggedCount > 0)
    warnings.add(
      raggedLine,
      `${raggedCount} rows have more cells than the header; the extra cells are kept verbatim`,
    )
  if (headers.length === 0) warnings.add(1, 'no header row found')
  return { records, warnings: warnings.list() }
}

function readRow(row: readonly string[], headers: readonly string[], mapping: ColumnMapping): CitationRecord {
  const draft = newDraft()
  for (let c = 0; c < row.length; c++) {
    const cell = (row[c] ?? '').trim()
    if (!cell) continue
    const target = mapping[c]
    const header = headers[c] ?? `column ${c + 1}`
    if (target) applyCell(draft, target, cell, header)
    else draft.raw.push({ tag: header, value: cell })
  }
  return finishDraft(draft)
}

/** One cell holds a whole list for list fields: author cells are split, and Scopus' `(12345)` author ids removed. */
function applyCell(draft: Draft, target: FieldTarget, cell: string, header: string): void {
  if (target === 'author' || target === 'authorAlt') {
    const list = target === 'author' ? draft.authors : draft.altAuthors
    for (const name of splitAuthorList(cell.replace(/\s*\(\d+\)/g, ''))) list.push(name)
    return
  }
  applyField(draft, target, cell, header)
}

/** Parses CSV/TSV with the automatic column mapping. */
export function parseCsv(text: string): ParseResult {
  const { headers, delimiter } = readCsvHeader(text)
  return parseWithMapping(text, mapColumns(headers), delimiter)
}

/** Confidence that `head` is a CSV/TSV citation export: a delimited header row naming known columns. */
export function detectCsv(head: string): number {
  const { headers } = readCsvHeader(head)
  if (headers.length < 2) return 0
  const mapping = mapColumns(headers)
  const known = mapping.filter((target) => target !== null).length
  const hasTitle = mapping.includes('title')
  if (known >= 3 && hasTitle) return 0.9
  return known >= 2 ? 0.4 : 0
}

/** CSV / TSV exports (Scopus, WoS tab-delimited, PubMed, Lens, OpenAlex, IEEE, SpringerLink, Embase, ASReview). */
export const csvFormat: ImportFormat = {
  id: 'csv',
  label: 'CSV / TSV',
  extensions: ['csv', 'tsv', 'txt'],
  detect: detectCsv,
  parse: parseCsv,
}
