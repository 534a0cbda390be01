import type { CsvValue } from '../export/csv'
import { toCsv } from '../export/csv'
import { readCsvCells } from '../export/csv-read'
import { spreadsheetCsv } from '../export/spreadsheet-csv'
import type { OutcomeRow } from '../extraction/outcomes'
import { unclassifiedDesign, unclassifiedModality, type StudyInfo } from './types'

/**
 * One row of the evidence table: one study × arm × outcome × timepoint. `n` is the study's patient count;
 * `events`/`total`/`value`/`unit`/`criteria` are as in `OutcomeRow` (value is a percent for proportions and rates).
 */
export type EvidenceRow = {
  studyId: string
  firstAuthor: string
  year: number | null
  design: string
  modality: string
  arm: string
  outcome: string
  outcomeLabel: string
  /** The outcome kind (`proportion`, `rate-at-timepoint`, …) or '' when unknown (e.g. a hand-made CSV). */
  kind: string
  timepoint: string
  n: number | null
  events: number | null
  total: number | null
  value: number | null
  unit: string
  criteria: string
}

/** Column names of the CSV, in order, with the row field each holds. Snake case so R and pandas take them as is. */
export const evidenceColumns = [
  ['study_id', 'studyId'],
  ['first_author', 'firstAuthor'],
  ['year', 'year'],
  ['design', 'design'],
  ['modality', 'modality'],
  ['arm', 'arm'],
  ['outcome', 'outcome'],
  ['outcome_label', 'outcomeLabel'],
  ['kind', 'kind'],
  ['timepoint', 'timepoint'],
  ['n', 'n'],
  ['events', 'events'],
  ['total', 'total'],
  ['value', 'value'],
  ['unit', 'unit'],
  ['criteria', 'criteria'],
] as const satisfies readonly (readonly [string, keyof EvidenceRow])[]

const numericFields = new Set<keyof EvidenceRow>(['year', 'n', 'events', 'total', 'value'])

/**
 * The modality a row belongs to: the arm's own (through `labels`, term id → label), else the study's tagged
 * modalities — several tags on an arm without its own modality mean the arm got them together, so they are joined
 * with " + " — else `Unclassified`.
 */
export function rowModality(
  row: Pick<OutcomeRow, 'modality'>,
  study: StudyInfo | undefined,
  labels: Readonly<Record<string, string>> = {},
): string {
  const own = row.modality.trim()
  if (own !== '') return labels[own] ?? own
  const tagged = (study?.modalities ?? []).map((modality) => labels[modality] ?? modality)
  return tagged.length > 0 ? tagged.join(' + ') : unclassifiedModality
}

/**
 * Evidence table rows from long-format outcome rows and the included studies (by record id). Rows of records not
 * in `studies` are kept with the record id as study id and blank metadata, so nothing entered disappears. Sorted
 * by modality, design, first author, year, study, then the input order.
 */
export function evidenceTableRows(
  outcomeRows: readonly OutcomeRow[],
  studies: readonly StudyInfo[],
  labels: Readonly<Record<string, string>> = {},
): EvidenceRow[] {
  const byRecord = new Map(studies.map((study) => [study.recordId, study]))
  const rows = outcomeRows.map((row): EvidenceRow => {
    const study = byRecord.get(row.recordId)
    return {
      studyId: study?.studyId || row.recordId,
      firstAuthor: study?.firstAuthor ?? '',
      year: study?.year ?? null,
      design: study?.design || unclassifiedDesign,
      modality: rowModality(row, study, labels),
      arm: row.arm,
      outcome: row.outcome,
      outcomeLabel: row.outcomeLabel,
      kind: row.kind,
      timepoint: row.timepoint,
      n: study?.n ?? null,
      events: row.events,
      total: row.total,
      value: row.value,
      unit: row.unit,
      criteria: row.criteria,
    }
  })
  const order = new Map(rows.map((row, index) => [row, index]))
  const compare = (a: string, b: string): number => a.localeCompare(b)
  return rows.sort(
    (a, b) =>
      compare(a.modality, b.modality) ||
      compare(a.design, b.design) ||
      compare(a.firstAuthor, b.firstAuthor) ||
      (a.year ?? 0) - (b.year ?? 0) ||
      compare(a.studyId, b.studyId) ||
      (order.get(a) ?? 0) - (order.get(b) ?? 0),
  )
}

function toRecord(row: EvidenceRow): Record<string, CsvValue> {
  return Object.fromEntries(evidenceColumns.map(([column, field]) => [column, row[field]]))
}

/**
 * The evidence table as CSV. `raw` is RFC 4180 for R and Python and round-trips exactly through
 * `readEvidenceTableCsv` (empty text is `""`, a missing number an empty field). `spreadsheet` is for Excel and
 * friends: BOM, CRLF, every field quoted, formulas neutralised, numbers left as numbers (`spreadsheetCsv`).
 */
export function evidenceTableCsv(rows: readonly EvidenceRow[], mode: 'spreadsheet' | 'raw'): string {
  const columns = evidenceColumns.map(([column]) => column)
  const records = rows.map(toRecord)
  return mode === 'raw' ? toCsv(records, columns) : spreadsheetCsv(records, columns)
}

/** Result of reading an evidence table: the rows, the required columns that were absent, and row-level problems. */
export type EvidenceTableRead = {
  rows: EvidenceRow[]
  missingColumns: string[]
  /** Problems with a 1-based CSV row number (the header is row 1). */
  warnings: { row: number; message: string }[]
}

/** Reads a number cell: empty or missing is null; anything else must be a finite number. */
function readNumber(text: string | null): number | null | undefined {
  if (text === null || text.trim() === '') return null
  const value = Number(text.trim())
  return Number.isFinite(value) ? value : undefined
}

/**
 * Reads an evidence table CSV (the columns of `evidenceColumns`; header names are matched case-insensitively and
 * may come in any order). Columns in `required` that are absent are reported in `missingColumns` and no rows are
 * read; other absent columns read as '' or null. A cell that should be a number but is not becomes null with a
 * warning. Blank lines are skipped. Never throws.
 */
export function readEvidenceTableCsv(
  text: string,
  required: readonly string[] = evidenceColumns.map(([column]) => column),
  delimiter = ',',
): EvidenceTableRead {
  const [header = [], ...body] = readCsvCells(text, delimiter)
  const index = new Map(header.map((name, position) => [(name ?? '').trim().toLowerCase(), position]))
  const missingColumns = required.filter((column) => !index.has(column.toLowerCase()))
  const result: EvidenceTableRead = { rows: [], missingColumns, warnings: [] }
  if (missingColumns.length > 0) return result
  body.forEach((cells, position) => {
    if (cells.length === 1 && (cells[0] ?? '') === '') return
    const rowNumber = position + 2
    const row: Record<string, string | number | null> = {}
    for (const [column, field] of evidenceColumns) {
      const at = index.get(column)
      const cell = at === undefined ? null : (cells[at] ?? null)
      if (!numericFields.has(field)) {
        row[field] = cell ?? ''
        continue
      }
      const value = readNumber(cell)
      if (value === undefined) {
        result.warnings.push({ row: rowNumber, message: `${column} "${cell ?? ''}" is not a number` })
      }
      row[field] = value ?? null
    }
    result.rows.push(row as EvidenceRow)
  })
  return result
}
